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

// A writer killed between creating its temporary file and the rename
// leaves ".NAME.EXT.N.tmp"; RemoveStaleTemps removes those older than
// StaleTemp and only those: not a write in progress, not another feed's.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	if err := feeds.WriteFiles(dir, sampleFeed()); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	old := now.Add(-2 * feeds.StaleTemp)
	files := map[string]time.Time{
		".iraq.xml.123.tmp":  old, // stale: removed
		".iraq.json.456.tmp": old, // stale: removed
		".iraq.atom.789.tmp": now, // a write in progress: kept
		".other.xml.111.tmp": old, // another feed's: kept
		"iraq.xml.notes.tmp": old, // not hidden, not ours: kept
		".iraq.xml.keep.txt": old, // not a temp file: kept
	}
	for name, mod := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	n, err := feeds.RemoveStaleTemps(dir, "iraq", now)
	if err != nil || n != 2 {
		t.Fatalf("RemoveStaleTemps = %d, %v; want 2, nil", n, err)
	}
	for name := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, os.ErrNotExist); gone != (name == ".iraq.xml.123.tmp" || name == ".iraq.json.456.tmp") {
			t.Errorf("%s: removed = %v", name, gone)
		}
	}
	for _, ext := range []string{".xml", ".atom", ".json"} {
		if _, err := os.Stat(filepath.Join(dir, "iraq"+ext)); err != nil {
			t.Errorf("the feed itself: %v", err)
		}
	}
}
