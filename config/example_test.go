package config_test

import (
	"fmt"
	"strings"

	"github.com/refeed/refeed/config"
)

func ExampleParseConfig() {
	const y = `
sources:
  - name: buratha
    url: https://burathanews.com/rss.php
    intervl: 15m
feeds:
  - name: iraq
    sources: [burata]
    limit: 0
`
	_, err := config.ParseConfig(strings.NewReader(y), "sources.yaml")
	fmt.Println(err)
	// Output:
	// sources.yaml:5: sources[0].intervl: unknown key (did you mean "interval"?)
	// sources.yaml:8: feeds[0].sources[0]: unknown source "burata" (did you mean "buratha"?)
	// sources.yaml:9: feeds[0].limit: must be at least 1, got 0
}
