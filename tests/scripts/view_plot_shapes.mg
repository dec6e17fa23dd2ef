# plot: tanh and its slope; gaps where the function is undefined.
set ascii off
x = 0.5;
plot tanh(x), x = -3..3
# expect:   * tanh(x)    · d(tanh(x))/dx
# expect:    1 ┤                                  ·····                   ***************
# expect:      │                               ···     ···         *******
# expect:      │                              ·           ·     ***
# expect:      │                            ··             ··***
# expect:      │                          ··                *··
# expect:  0.5 ┤                         ·                **   ·
# expect:      │                      ···               **      ···
# expect:      │                    ··                 *           ··
# expect:      │               ·····                  *              ·····
# expect:      │···············                      *                    ···············
# expect:    0 ┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈**┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
# expect:      │                                  *
# expect:      │                                 *
# expect:      │                               **
# expect: -0.5 ┤                             **
# expect:      │                            *
# expect:      │                         ***
# expect:      │                      ***
# expect:      │               *******
# expect:   -1 ┤***************
# expect:      └┬───────────┬───────────┬───────────┬───────────┬───────────┬───────────┬
# expect:      -3          -2          -1           0           1           2           3

plot log(x), x = -1..3
# expect:   * log(x)    · d(log(x))/dx
# expect: 25 ┤                   ·
# expect:    │                   ·
# expect:    │                   ·
# expect: 20 ┤                   ·
# expect:    │                   ·
# expect:    │                    ·
# expect: 15 ┤                    ·
# expect:    │                    ·
# expect:    │                    ·
# expect:    │                    ·
# expect: 10 ┤                    ·
# expect:    │                     ·
# expect:    │                     ·
# expect:  5 ┤                      ··
# expect:    │                        ···
# expect:    │                           ·······················************************
# expect:  0 ┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈*************************┈┈┈·····················
# expect:    │                    *****
# expect:    │                   *
# expect: -5 ┤
# expect:    └┬─────────────────┬──────────────────┬─────────────────┬─────────────────┬
# expect:    -1                 0                  1                 2                 3

y = 2;
plot y, x = 0..1
# expect:   * y    · dy/dx
# expect:   2 ┤**************************************************************************
# expect:     │
# expect:     │
# expect:     │
# expect:     │
# expect: 1.5 ┤
# expect:     │
# expect:     │
# expect:     │
# expect:     │
# expect:   1 ┤
# expect:     │
# expect:     │
# expect:     │
# expect: 0.5 ┤
# expect:     │
# expect:     │
# expect:     │
# expect:     │
# expect:   0 ┤··········································································
# expect:     └┬──────────────┬─────────────┬──────────────┬─────────────┬──────────────┬
# expect:      0             0.2           0.4            0.6           0.8             1

plot x, x = -0.001..0.001
# expect:   * x    · dx/dx
# expect:    1 ┤·········································································
# expect:      │
# expect:      │
# expect:  0.8 ┤
# expect:      │
# expect:      │
# expect:  0.6 ┤
# expect:      │
# expect:      │
# expect:      │
# expect:  0.4 ┤
# expect:      │
# expect:      │
# expect:  0.2 ┤
# expect:      │
# expect:      │
# expect:    0 ┤*************************************************************************
# expect:      │
# expect:      │
# expect: -0.2 ┤
# expect:      └┬─────────────────┬─────────────────┬─────────────────┬─────────────────┬
# expect:    -0.001            -0.0005              0              0.0005             0.001
