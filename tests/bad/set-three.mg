set digits 8 9
# error: set-three.mg:1:1: error: set: wrong number of arguments; usage: set digits N|auto | set ascii on|off | set color on|off | set width N|auto | set items N|all
