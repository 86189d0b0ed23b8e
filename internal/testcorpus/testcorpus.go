// Package testcorpus locates the shared test corpora for tests.
//
// The corpora live outside the repository, in shared/corpus beside the
// checkout (CI lays a copy there too). Tests that use them call Dir, which
// skips the test with a clear message when they are absent, so the suite
// still passes on a machine without them.
//
// A skip must not go unnoticed, and go test shows nothing of a passing
// package but its "ok" line. So:
//
//   - each package that reads a corpus calls Main from its TestMain, which
//     prints one line when ../shared/corpus is missing (seen with -v, when
//     testing one package from its folder, and whenever the package fails);
//   - with RequireEnv set (.ci/run sets it when ../shared/corpus exists), a
//     corpus that is missing fails the test instead of skipping it;
//   - with SkipsEnv naming a file, every skip appends a line to it, which
//     .ci/run prints after the suite.
package testcorpus

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	// RequireEnv, set to any value, turns a missing corpus from a skip
	// into a failure: the corpora are meant to be there.
	RequireEnv = "REFEED_REQUIRE_CORPUS"
	// SkipsEnv names a file each corpus skip appends a line to.
	SkipsEnv = "REFEED_CORPUS_SKIPS"
)

// Dir returns the absolute path of ../shared/corpus/sub relative to the
// repository root (the folder holding go.mod, found by walking up from the
// working directory), or skips tb when that folder does not exist (fails
// it when RequireEnv is set).
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root, err := Root()
	if err != nil {
		missing(tb, fmt.Sprintf("testcorpus: %v: cannot locate ../shared/corpus", err))
		return ""
	}
	dir := filepath.Join(root, sub)
	if _, err := os.Stat(dir); err != nil {
		missing(tb, fmt.Sprintf("testcorpus: %s not present (the corpora live beside the repository as shared/corpus); skipping", dir))
		return ""
	}
	return dir
}

// missing skips tb with why, recording the skip in SkipsEnv's file, or
// fails tb when RequireEnv is set.
func missing(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv(RequireEnv) != "" {
		tb.Fatalf("%s, but %s is set: the corpus tests must run", why, RequireEnv)
		return
	}
	if path := os.Getenv(SkipsEnv); path != "" {
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			fmt.Fprintf(f, "%s: %s\n", tb.Name(), why)
			f.Close()
		}
	}
	tb.Skip(why)
}

// Root returns the absolute path of ../shared/corpus beside the
// repository root, or an error when there is no such folder.
func Root() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		return dir, err
	}
	return dir, nil
}

// Main runs a package's tests, for its TestMain: first it says, in one
// line, when the corpora are missing and the package's corpus tests will
// skip.
func Main(m *testing.M, pkg string) {
	if dir, err := Root(); err != nil {
		fmt.Printf("%s: corpus tests skip: %s not found (with %s=1 they fail instead)\n", pkg, dir, RequireEnv)
	}
	os.Exit(m.Run())
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

// ReadFile reads a corpus file, gunzipping it when its name ends in .gz,
// and fails tb when it cannot.
func ReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return b
}
