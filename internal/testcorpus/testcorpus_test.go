package testcorpus

import (
	"os"
	"path/filepath"
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
	skipped := true
	t.Run("absent", func(t *testing.T) {
		Dir(t, "no-such-corpus-folder")
		skipped = false
	})
	if !skipped {
		t.Error("Dir did not skip for a missing folder")
	}
}
