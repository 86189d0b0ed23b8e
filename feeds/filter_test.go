package feeds_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/feeds"
)

func TestCompileFilters(t *testing.T) {
	tests := []struct {
		name             string
		include, exclude []string
		wantErr          string
	}{
		{"ok", []string{"(?i)iraq", "العراق"}, []string{"رياضة"}, ""},
		{"none", nil, nil, ""},
		{"bad include", []string{"ok", "(unclosed"}, nil, `feeds: include pattern 2 "(unclosed"`},
		{"bad exclude", nil, []string{"[z-a]"}, `feeds: exclude pattern 1 "[z-a]"`},
		{"empty pattern", nil, []string{" "}, "feeds: exclude pattern 1 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, exc, err := feeds.CompileFilters(tt.include, tt.exclude)
			if tt.wantErr == "" {
				if err != nil || len(inc) != len(tt.include) || len(exc) != len(tt.exclude) {
					t.Fatalf("got %d, %d, %v", len(inc), len(exc), err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want prefix %q", err, tt.wantErr)
			}
		})
	}
}
