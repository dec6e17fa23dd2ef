a = 2 $ 3

# expect-err: err_bad_character.mg:1:7: error: unexpected character '$'
# expect-err:     1 | a = 2 $ 3
# expect-err:       |       ^
# exit: 1
