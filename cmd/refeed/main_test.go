package main

import (
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
)

// TestMain says in one line when the shared corpora are missing and this
// package's corpus tests skip (see testcorpus.Main).
func TestMain(m *testing.M) { testcorpus.Main(m, "cmd/refeed") }
