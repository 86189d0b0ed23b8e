// Package testcorpus locates the shared test corpora for tests.
//
// The corpora live outside the repository, in shared/corpus beside the
// checkout (CI lays a copy there too). Tests that use them call Dir, which
// skips the test with a clear message when they are absent, so the suite
// still passes on a machine without them.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared/corpus/sub relative to the
// repository root (the folder holding go.mod, found by walking up from the
// working directory), or skips tb when that folder does not exist.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Skipf("testcorpus: %v: cannot locate ../shared/corpus", err)
	}
	dir := filepath.Join(root, "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("testcorpus: %s not present (the corpora live beside the repository as shared/corpus); skipping", dir)
	}
	return dir
}

// repoRoot walks up from the working directory to the folder with go.mod.
func repoRoot() (string, error) {
	dir, err := filepath.Abs(".")
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
