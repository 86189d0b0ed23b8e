package main

import "testing"

// TestUnknownFlagIsUsageError checks that every command exits 2, the usage
// exit code, on a flag it does not define, and 0 on --help.
func TestUnknownFlagIsUsageError(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			if code, _, stderr := runMain(t, c.name, "--no-such-flag"); code != exitUsage {
				t.Errorf("refeed %s --no-such-flag: exit %d, want %d; stderr:\n%s", c.name, code, exitUsage, stderr)
			}
			if code, _, _ := runMain(t, c.name, "--help"); code != exitOK {
				t.Errorf("refeed %s --help: exit %d, want %d", c.name, code, exitOK)
			}
		})
	}
}
