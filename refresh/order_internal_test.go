package refresh

import (
	"slices"
	"testing"

	"github.com/refeed/refeed/config"
)

func TestInterleaveHosts(t *testing.T) {
	src := func(u string) config.Source { return config.Source{URL: u} }
	tests := []struct {
		name    string
		sources []config.Source
		want    []int
	}{
		{"none", nil, []int{}},
		{"one host keeps its order", []config.Source{src("https://a.example/1"), src("https://a.example/2")}, []int{0, 1}},
		{"grouped hosts are interleaved", []config.Source{
			src("https://a.example/1"), src("https://A.example/2"), src("https://a.example/3"),
			src("https://b.example/1"), src("https://b.example/2"), src("https://c.example/1"),
		}, []int{0, 3, 5, 1, 4, 2}},
		{"a bad URL is its own host", []config.Source{src("::bad"), src("https://a.example/1"), src("::bad")}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		if got := interleaveHosts(tt.sources); !slices.Equal(got, tt.want) {
			t.Errorf("%s: order %v, want %v", tt.name, got, tt.want)
		}
	}
}
