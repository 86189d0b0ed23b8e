package testcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRepoRootHoldsGoMod(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("repoRoot() = %s, which has no go.mod", root)
	}
	if filepath.Base(filepath.Join(root, "internal", "testcorpus")) != "testcorpus" {
		t.Errorf("unexpected root %s", root)
	}
}

func TestDirSkipsWhenAbsent(t *testing.T) {
	t.Setenv(RequireEnv, "")
	// This skip is the point of the test, not a corpus missing: keep it
	// off the list .ci/run prints.
	t.Setenv(SkipsEnv, "")
	skipped := true
	t.Run("absent", func(t *testing.T) {
		Dir(t, "no-such-corpus-folder")
		skipped = false
	})
	if !skipped {
		t.Error("Dir did not skip for a missing folder")
	}
}

// fakeTB records how Dir ended a test.
type fakeTB struct {
	testing.TB
	skipped, failed string
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Name() string                   { return "TestFake" }
func (f *fakeTB) Skip(args ...any)               { f.skipped = fmt.Sprint(args...) }
func (f *fakeTB) Fatalf(format string, a ...any) { f.failed = fmt.Sprintf(format, a...) }

// TestDirFailsWhenRequired checks that with RequireEnv set a missing
// corpus fails the test instead of skipping it, as .ci/run wants when
// ../shared/corpus is present.
func TestDirFailsWhenRequired(t *testing.T) {
	t.Setenv(RequireEnv, "1")
	var tb fakeTB
	Dir(&tb, "no-such-corpus-folder")
	if tb.failed == "" || tb.skipped != "" {
		t.Errorf("Dir with %s set: failed %q, skipped %q; want a failure", RequireEnv, tb.failed, tb.skipped)
	}
}

// TestDirRecordsSkips checks that each skip is written to the file
// SkipsEnv names, for .ci/run to print.
func TestDirRecordsSkips(t *testing.T) {
	t.Setenv(RequireEnv, "")
	log := filepath.Join(t.TempDir(), "skips")
	t.Setenv(SkipsEnv, log)
	for range 2 {
		var tb fakeTB
		Dir(&tb, "no-such-corpus-folder")
		if tb.skipped == "" || tb.failed != "" {
			t.Fatalf("Dir: failed %q, skipped %q; want a skip", tb.failed, tb.skipped)
		}
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "TestFake: ") || !strings.Contains(lines[0], "no-such-corpus-folder") {
		t.Errorf("skips file:\n%s\nwant two lines naming the test and the folder", data)
	}
}
