print "no end

# expect-err: err_unterminated_string.mg:1:7: error: unterminated string
# expect-err:     1 | print "no end
# expect-err:       |       ^
# exit: 1
