//go:build !race

package main

// raceEnabled reports that the tests run under the race detector, so the
// refeed binary they start is built with it too.
const raceEnabled = false
