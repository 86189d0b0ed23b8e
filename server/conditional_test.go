package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"
)

func TestConditionalGet(t *testing.T) {
	s, _ := newTestServer(t, nil)
	first := do(t, s, "GET", "/iraq.atom", nil)
	etag := first.Header().Get("ETag")
	tests := []struct {
		name   string
		header map[string]string
		code   int
	}{
		{"matching etag", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
		{"etag in a list", map[string]string{"If-None-Match": `"other", ` + etag}, http.StatusNotModified},
		{"weak form of the etag", map[string]string{"If-None-Match": "W/" + etag}, http.StatusNotModified},
		{"other etag", map[string]string{"If-None-Match": `"nope"`}, http.StatusOK},
		{"not modified since", map[string]string{"If-Modified-Since": modTime.Format(http.TimeFormat)}, http.StatusNotModified},
		{"modified since", map[string]string{"If-Modified-Since": modTime.Add(-time.Hour).Format(http.TimeFormat)}, http.StatusOK},
		{"etag wins over date", map[string]string{"If-None-Match": `"nope"`, "If-Modified-Since": modTime.Format(http.TimeFormat)}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, s, "GET", "/iraq.atom", tt.header)
			if rec.Code != tt.code {
				t.Fatalf("status = %d, want %d", rec.Code, tt.code)
			}
			if tt.code == http.StatusNotModified && rec.Body.Len() != 0 {
				t.Errorf("304 carries a body of %d bytes", rec.Body.Len())
			}
		})
	}
}

func TestChangedFileGetsNewETag(t *testing.T) {
	s, dir := newTestServer(t, nil)
	old := do(t, s, "GET", "/iraq.xml", nil).Header().Get("ETag")
	writeFeedFile(t, filepath.Join(dir, "iraq.xml"), rssBody+"<!-- more -->\n", modTime.Add(time.Minute))
	rec := do(t, s, "GET", "/iraq.xml", map[string]string{"If-None-Match": old})
	if rec.Code != http.StatusOK {
		t.Fatalf("status after change = %d, want 200", rec.Code)
	}
	if got := rec.Header().Get("ETag"); got == old {
		t.Errorf("ETag unchanged after the file changed: %s", got)
	}
	if !bytes.HasSuffix(rec.Body.Bytes(), []byte("<!-- more -->\n")) {
		t.Errorf("served the stale body: %q", rec.Body.String())
	}
}

func TestGzip(t *testing.T) {
	s, _ := newTestServer(t, nil)
	plain := do(t, s, "GET", "/iraq.json", nil)
	rec := do(t, s, "GET", "/iraq.json", map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if got := rec.Header().Get("Content-Encoding"); got != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", got)
	}
	if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
		t.Errorf("Vary = %q, want Accept-Encoding", got)
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != jsonBody {
		t.Errorf("gunzipped body = %q, want %q", body, jsonBody)
	}
	gzTag, plainTag := rec.Header().Get("ETag"), plain.Header().Get("ETag")
	if gzTag == plainTag {
		t.Errorf("gzip and identity share the ETag %s", gzTag)
	}
	again := do(t, s, "GET", "/iraq.json", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": gzTag})
	if again.Code != http.StatusNotModified {
		t.Errorf("conditional gzip GET = %d, want 304", again.Code)
	}
	if plain.Header().Get("Content-Encoding") != "" {
		t.Error("identity response is encoded")
	}
	if rec := do(t, s, "GET", "/iraq.json", map[string]string{"Accept-Encoding": "gzip;q=0"}); rec.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
}

func TestHead(t *testing.T) {
	s, _ := newTestServer(t, nil)
	rec := do(t, s, "HEAD", "/iraq.xml", nil)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD = %d with %d body bytes, want 200 and none", rec.Code, rec.Body.Len())
	}
	if rec.Header().Get("ETag") == "" {
		t.Error("HEAD has no ETag")
	}
}

// TestOverRealHTTP checks the same through a loopback server and a client
// that negotiates gzip itself, as feed readers do.
func TestOverRealHTTP(t *testing.T) {
	s, _ := newTestServer(t, nil)
	srv := httptest.NewServer(s)
	defer srv.Close()
	req, err := http.NewRequestWithContext(t.Context(), "GET", srv.URL+"/iraq.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req) // the transport asks for gzip and decodes it
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Uncompressed || string(body) != rssBody {
		t.Errorf("uncompressed=%v body=%q; want a gzipped response decoding to the file", resp.Uncompressed, body)
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := map[string]bool{
		"":                      false,
		"gzip":                  true,
		"GZIP":                  true,
		"deflate, gzip;q=1.0":   true,
		"br":                    false,
		"gzip;q=0":              false,
		"gzip; q=0.000":         false,
		"*":                     true,
		"*;q=0":                 false,
		"gzip;q=0, *":           false,
		"x-gzip":                true,
		"identity, gzip;q=0.5 ": true,
		"gzip;q=abc":            false,
	}
	for header, want := range tests {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
