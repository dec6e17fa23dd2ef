x=0
backward 0
end_of_fuzz_case  # an undefined name: the case exits 1 once the bug above is fixed
# error: fuzz-backward-constant.mg:3:1: error: undefined name 'end_of_fuzz_case'
