# plot: seed 001's 3x^2 - 4x + 5 over -5..5 with its derivative 6x - 4.
set ascii off
x = 3;
f = 3*x^2 - 4*x + 5;
plot f, x = -5..5
# expect:   * f    · df/dx
# expect: 100 ┤*
# expect:     │ **
# expect:     │   **
# expect:  75 ┤     **
# expect:     │       **
# expect:     │         **                                                              *
# expect:  50 ┤           ***                                                        ***
# expect:     │              **                                                    **
# expect:     │                ***                                              ***
# expect:     │                   ***                                       ****       ··
# expect:  25 ┤                      ****                               ****  ·········
# expect:     │                          ******                    *****······
# expect:     │                                ********************·
# expect:   0 ┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈·········┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
# expect:     │                        ··········
# expect:     │               ·········
# expect: -25 ┤     ··········
# expect:     │·····
# expect:     │
# expect: -50 ┤
# expect:     └───────┬──────────────┬──────────────┬─────────────┬──────────────┬───────
# expect:            -4             -2              0             2              4

print x, x.grad, f
# expect: 3 0 20

set ascii on
plot 3*x^2 - 4*x + 5, x = -5..5
# expect:   * 3*x^2 - 4*x + 5    . d(3*x^2 - 4*x + 5)/dx
# expect: 100 +*
# expect:     | **
# expect:     |   **
# expect:  75 +     **
# expect:     |       **
# expect:     |         **                                                              *
# expect:  50 +           ***                                                        ***
# expect:     |              **                                                    **
# expect:     |                ***                                              ***
# expect:     |                   ***                                       ****       ..
# expect:  25 +                      ****                               ****  .........
# expect:     |                          ******                    *****......
# expect:     |                                ********************.
# expect:   0 +----------------------------------.........-------------------------------
# expect:     |                        ..........
# expect:     |               .........
# expect: -25 +     ..........
# expect:     |.....
# expect:     |
# expect: -50 +
# expect:     +-------+--------------+--------------+-------------+--------------+-------
# expect:            -4             -2              0             2              4
