x=0
backward 0
end_of_fuzz_case  # an unknown name: the case exits 1 once the crash above is fixed
