package config

import (
	"fmt"
	"net/netip"

	"go.yaml.in/yaml/v3"
)

// Defaults of the "on_the_fly" key.
const (
	DefaultOnTheFlyMaxItems  = 20
	DefaultOnTheFlyRateLimit = 30
)

// OnTheFly is the "on_the_fly" key: whether "refeed serve" makes a
// full-text feed of any feed URL, and the article of any page URL, on
// request (GET /fulltext and GET /extract), and who may ask. It is off
// unless enabled, and every request must carry one of the keys.
type OnTheFly struct {
	// Enabled (key "enabled") turns the endpoints on. Default false.
	Enabled bool
	// Keys (key "keys") are the secrets a request may carry (?key= or
	// "Authorization: Bearer"); at least one when enabled.
	Keys []string
	// AllowNetworks (key "allow_networks") are networks ("127.0.0.0/8",
	// "192.168.1.0/24") that requested URLs may reach although they are
	// loopback or private; by default none. Networks holds them parsed.
	AllowNetworks []string
	Networks      []netip.Prefix
	// MaxItems (key "max_items") caps the articles fetched for one feed
	// request, and its "limit". Default (and 0) 20.
	MaxItems int
	// RateLimit (key "rate_limit") is how many requests one key may make
	// per minute. Default (and 0) 30.
	RateLimit int
}

// onTheFlyField decodes the "on_the_fly" key.
func onTheFlyField(o *OnTheFly) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		d.mapping(n, path, []field{
			{"enabled", boolean(&o.Enabled)},
			{"keys", stringList(&o.Keys)},
			{"allow_networks", stringList(&o.AllowNetworks)},
			{"max_items", integer(&o.MaxItems)},
			{"rate_limit", integer(&o.RateLimit)},
		})
	}
}

// onTheFly checks the "on_the_fly" key and parses its networks.
func (v *validator) onTheFly() {
	o := &v.c.OnTheFly
	o.Networks = o.Networks[:0]
	for i, cidr := range o.AllowNetworks {
		p, err := ParseNetwork(cidr)
		if err != nil {
			v.add(fmt.Sprintf("on_the_fly.allow_networks[%d]", i), ErrInvalid, "%v", err)
			continue
		}
		o.Networks = append(o.Networks, p)
	}
	v.atLeast("on_the_fly.max_items", o.MaxItems, 0)
	v.atLeast("on_the_fly.rate_limit", o.RateLimit, 0)
	if o.MaxItems == 0 {
		o.MaxItems = DefaultOnTheFlyMaxItems
	}
	if o.RateLimit == 0 {
		o.RateLimit = DefaultOnTheFlyRateLimit
	}
	if !o.Enabled {
		return
	}
	if len(o.Keys) == 0 {
		v.add("on_the_fly.keys", ErrMissing, "missing: give at least one key when on_the_fly is enabled")
	}
	for i, k := range o.Keys {
		if len(k) < 16 {
			v.add(fmt.Sprintf("on_the_fly.keys[%d]", i), ErrInvalid, "a key must be at least 16 characters long, hard to guess")
		}
	}
}
