package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrBadName reports a feed name that cannot be used as a file stem.
var ErrBadName = errors.New("feeds: bad feed name")

// renderer is one output format: its file extension and render function.
type renderer struct {
	ext    string
	render func(io.Writer, Feed) error
}

// WriteFiles renders f in the three formats and writes dir/<Name>.xml
// (RSS), dir/<Name>.atom and dir/<Name>.json, creating dir if needed. All
// three are rendered before anything is written. Each file is replaced
// atomically: written to a temporary file in dir, synced, renamed over the
// old one, and the directory synced, so a crash leaves either the old or
// the new feed, never half of one. A file whose bytes would not change is left untouched, which
// keeps its modification time (and the server's Last-Modified) stable.
func WriteFiles(dir string, f Feed) error {
	if err := checkName(f.Name); err != nil {
		return err
	}
	outs := []renderer{{ExtRSS, RenderRSS}, {ExtAtom, RenderAtom}, {ExtJSON, RenderJSON}}
	bufs := make([][]byte, len(outs))
	for i, o := range outs {
		var b bytes.Buffer
		if err := o.render(&b, f); err != nil {
			return err
		}
		bufs[i] = b.Bytes()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("feeds: output dir: %w", err)
	}
	for i, o := range outs {
		path := filepath.Join(dir, f.Name+o.ext)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, bufs[i]) {
			continue
		}
		data := bufs[i]
		if err := writeAtomic(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// StaleTemp is how old a temporary file of an atomic write must be before
// RemoveStaleTemps takes it for the leftover of a writer that was killed
// (a write takes milliseconds) and removes it.
const StaleTemp = time.Hour

// RemoveStaleTemps removes the temporary files (".NAME.EXT.N.tmp") that
// WriteFiles left in dir for feed name when it was killed before its
// rename, once they are older than StaleTemp at now, and returns how many
// it removed.
func RemoveStaleTemps(dir, name string, now time.Time) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("feeds: clean %s: %w", dir, err)
	}
	removed := 0
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, "."+name+".") || !strings.HasSuffix(n, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) <= StaleTemp {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, fmt.Errorf("feeds: clean %s: %w", dir, err)
		}
		removed++
	}
	return removed, nil
}

// checkName rejects names that would escape dir or hide the file.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.HasPrefix(name, ".") ||
		strings.ContainsAny(name, `/\`+"\x00") {
		return fmt.Errorf("%w: %q", ErrBadName, name)
	}
	return nil
}

// writeAtomic replaces path with what write produces, through a temporary
// file in the same directory. On any failure the temporary file is
// removed and path keeps its previous content.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("feeds: write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("feeds: write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("feeds: write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("feeds: sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("feeds: close %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("feeds: rename %s: %w", path, err)
	}
	return syncDir(dir)
}

// syncDir makes a rename durable by syncing the directory entry.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("feeds: sync dir %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("feeds: sync dir %s: %w", dir, err)
	}
	return nil
}
