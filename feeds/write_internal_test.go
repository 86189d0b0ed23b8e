package feeds

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomicFailureKeepsOld fails the write half-way: the existing
// file must keep its old content and no temporary file may remain.
func TestWriteAtomicFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.xml")
	if err := os.WriteFile(path, []byte("old complete feed"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := writeAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "<rss><channel><title>half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the write error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old complete feed" {
		t.Errorf("old file now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("dir holds %d entries, want 1", len(entries))
	}
	if err := writeAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q after a good write", got)
	}
}
