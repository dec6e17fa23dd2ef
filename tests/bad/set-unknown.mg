set speed 3
# error: set-unknown.mg:1:5: error: set takes digits N (1 to 17) or auto, ascii on|off, color on|off, width N|auto or items N|all
