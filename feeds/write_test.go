package feeds_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

func TestWriteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public", "feeds") // created on demand
	f := sampleFeed()
	if err := feeds.WriteFiles(dir, f); err != nil {
		t.Fatal(err)
	}
	for _, fm := range formats {
		got, err := os.ReadFile(filepath.Join(dir, "iraq"+fm.ext))
		if err != nil {
			t.Fatal(err)
		}
		if want := render(t, fm.render, f); !bytes.Equal(got, want) {
			t.Errorf("%s differs from the rendered feed", fm.ext)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("dir holds %d entries, want 3 (no temp files left)", len(entries))
	}
}

// TestWriteFilesUnchanged checks that rewriting identical items leaves the
// files alone, so their modification time (Last-Modified) stays put.
func TestWriteFilesUnchanged(t *testing.T) {
	dir := t.TempDir()
	if err := feeds.WriteFiles(dir, sampleFeed()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "iraq.json")
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	if err := feeds.WriteFiles(dir, sampleFeed()); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || !st.ModTime().Equal(past) {
		t.Errorf("unchanged file was rewritten (%v)", err)
	}
	f := sampleFeed()
	f.Items = f.Items[1:]
	if err := feeds.WriteFiles(dir, f); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.ModTime().Equal(past) {
		t.Error("changed feed was not rewritten")
	}
}

func TestWriteFilesBadName(t *testing.T) {
	for _, name := range []string{"", "..", "../escape", "a/b", ".hidden"} {
		f := sampleFeed()
		f.Name = name
		if err := feeds.WriteFiles(t.TempDir(), f); !errors.Is(err, feeds.ErrBadName) {
			t.Errorf("name %q: err = %v, want ErrBadName", name, err)
		}
	}
}

// TestWriteFilesFailureKeepsOld makes the first write fail (its target
// is a non-empty directory, so the rename fails) and checks that the
// existing files survive intact and no temporary file is left behind.
func TestWriteFilesFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	old := []byte("old atom feed")
	if err := os.WriteFile(filepath.Join(dir, "iraq.atom"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "iraq.xml", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := feeds.WriteFiles(dir, sampleFeed()); err == nil {
		t.Fatal("WriteFiles succeeded over a directory")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "iraq.atom")); !bytes.Equal(got, old) {
		t.Errorf("existing file now holds %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("dir holds %d entries, want 2 (no temp files)", len(entries))
	}
}
