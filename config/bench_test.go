package config_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/refeed/refeed/config"
)

func BenchmarkParseConfig(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := config.ParseConfig(bytes.NewReader(data), "sources.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
