package main

import (
	"path/filepath"
	"strings"
	"testing"
)

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

// TestMissingConfigIsOneLine checks that a config file that is not there
// is said once, in one line naming the file and what to do, exit 2.
func TestMissingConfigIsOneLine(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	for _, name := range []string{"run", "check", "status", "serve", "export-opml"} {
		code, _, stderr := runMain(t, name, "--config", missing)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != exitUsage || len(lines) != 1 || !strings.Contains(lines[0], missing+": no such config file") || !strings.Contains(lines[0], "--config") {
			t.Errorf("refeed %s with a missing config: exit %d, stderr:\n%s\nwant exit %d and one line naming the file and --config", name, code, stderr, exitUsage)
		}
	}
}
