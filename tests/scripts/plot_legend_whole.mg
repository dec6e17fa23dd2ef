# plot's legend leaves out whole items that do not fit its width, never
# half a number (at width 50, "least 0.0" once stood for 0.00282843).
set width 50
set ascii on
xs = [1/(k+1)**1.5 for k in range(50)];
plot xs
# expect:   * xs    50 values, last 0.00282843
# expect:   1 +*
# expect:     |*
# expect:     |*
# expect:     |*
# expect: 0.8 +*
# expect:     |*
# expect:     |**
# expect:     | *
# expect: 0.6 + *
# expect:     | *
# expect:     | *
# expect: 0.4 + *
# expect:     | *
# expect:     | *
# expect:     |  *
# expect: 0.2 +  *
# expect:     |  **
# expect:     |   **
# expect:     |    ******
# expect:   0 +          **********************************
# expect:     ++-----------------+----------------+--------
# expect:      0                20               40
