package config

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"go.yaml.in/yaml/v3"
)

// str decodes any scalar into *p.
func str(p *string) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		if v, ok := d.scalarText(n, path, "a string"); ok {
			*p = v
		}
	}
}

// boolean decodes true/false (and YAML 1.1 yes/no, on/off) into *p.
func boolean(p *bool) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		n = resolve(n)
		var v bool
		if !isScalar(n) || n.Decode(&v) != nil {
			d.wrongType(n, path, "true or false")
			return
		}
		*p = v
	}
}

// fullText decodes true/false (as boolean does) or "auto" into *p.
func fullText(p *FullText) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		n = resolve(n)
		var v bool
		switch {
		case isScalar(n) && strings.EqualFold(strings.TrimSpace(n.Value), string(FullTextAuto)):
			*p = FullTextAuto
		case isScalar(n) && n.Decode(&v) == nil:
			*p = FullTextOff
			if v {
				*p = FullTextOn
			}
		default:
			d.wrongType(n, path, "true, false or auto")
		}
	}
}

// integer decodes a whole number into *p; Validate checks its range.
func integer(p *int) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		n = resolve(n)
		var v int
		if !isScalar(n) || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
			d.wrongType(n, path, "a whole number")
			return
		}
		*p = v
	}
}

// duration decodes "90s", "15m", "1h30m" or "30d" into *p.
func duration(p *time.Duration) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		s, ok := d.scalarText(n, path, "a duration")
		if !ok {
			return
		}
		v, err := parseDuration(s)
		if err != nil {
			d.fail(resolve(n), path, ErrInvalid, `invalid duration %q (want e.g. "30m", "2h" or "1d")`, s)
			return
		}
		*p = v
	}
}

// size decodes "10MiB", "512KB" or a plain number of bytes into *p.
func size(p *int64) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		s, ok := d.scalarText(n, path, "a size")
		if !ok {
			return
		}
		v, err := humanize.ParseBytes(s)
		if err != nil || v > math.MaxInt64 || strings.HasPrefix(s, "-") {
			d.fail(resolve(n), path, ErrInvalid, `invalid size %q (want e.g. "10MiB", "512KB" or bytes)`, s)
			return
		}
		*p = int64(v)
	}
}

// Optional variants: they allocate the target only when the key is given,
// so nil keeps meaning "not set".

func optDuration(p **time.Duration) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		v := new(time.Duration)
		if duration(v)(d, n, path); !d.meta.failed[path] {
			*p = v
		}
	}
}

func optSize(p **int64) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		v := new(int64)
		if size(v)(d, n, path); !d.meta.failed[path] {
			*p = v
		}
	}
}

func optInteger(p **int) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		v := new(int)
		if integer(v)(d, n, path); !d.meta.failed[path] {
			*p = v
		}
	}
}

func optBoolean(p **bool) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		v := new(bool)
		if boolean(v)(d, n, path); !d.meta.failed[path] {
			*p = v
		}
	}
}

// strings decodes a list of scalars into *p.
func stringList(p *[]string) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		out := []string{}
		d.list(n, path, func(el *yaml.Node, p string) {
			if v, ok := d.scalarText(el, p, "a string"); ok {
				out = append(out, v)
			}
		})
		*p = out
	}
}

// stringMap decodes a mapping of scalars (headers) into *p.
func stringMap(p *map[string]string) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		n = resolve(n)
		if n.Kind != yaml.MappingNode {
			d.wrongType(n, path, "a mapping")
			return
		}
		out := make(map[string]string, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := resolve(n.Content[i])
			kp := join(path, k.Value)
			d.meta.lines[kp] = k.Line
			if _, dup := out[k.Value]; dup {
				d.fail(k, kp, ErrDuplicate, "key given twice")
				continue
			}
			if v, ok := d.scalarText(n.Content[i+1], kp, "a string"); ok {
				out[k.Value] = v
			}
		}
		*p = out
	}
}

// networks decodes a list of CIDR networks ("10.0.0.0/8", "fd00::/8")
// or single addresses ("192.168.1.5") into *p. An IPv4-mapped IPv6
// network is kept as the IPv4 network it stands for.
func networks(p *[]netip.Prefix) decodeFunc {
	return func(d *decoder, n *yaml.Node, path string) {
		out := []netip.Prefix{}
		d.list(n, path, func(el *yaml.Node, p string) {
			s, ok := d.scalarText(el, p, "a network")
			if !ok {
				return
			}
			prefix, err := ParseNetwork(s)
			if err != nil {
				d.fail(resolve(el), p, ErrInvalid, "%v", err)
				return
			}
			out = append(out, prefix)
		})
		*p = out
	}
}

// ParseNetwork reads a network as allow_networks takes it: CIDR
// ("10.0.0.0/8", "fd00::/8") or one address ("192.168.1.5", a /32).
func ParseNetwork(s string) (netip.Prefix, error) {
	prefix, err := netip.ParsePrefix(s)
	if err != nil {
		ip, ierr := netip.ParseAddr(s)
		if ierr != nil || ip.Zone() != "" {
			return netip.Prefix{}, fmt.Errorf(`invalid network %q (want CIDR such as "192.168.1.0/24" or an address such as "10.0.0.5")`, s)
		}
		prefix = netip.PrefixFrom(ip, ip.BitLen())
	}
	if a := prefix.Addr(); a.Is4In6() && prefix.Bits() >= 96 {
		prefix = netip.PrefixFrom(a.Unmap(), prefix.Bits()-96)
	}
	return prefix.Masked(), nil
}

// parseDuration is time.ParseDuration that also takes a leading whole
// number of days: "30d", "1d12h".
func parseDuration(s string) (time.Duration, error) {
	days, rest, ok := strings.Cut(s, "d")
	if !ok {
		return time.ParseDuration(s)
	}
	n, err := strconv.ParseUint(days, 10, 32)
	if err != nil || n > math.MaxInt64/uint64(24*time.Hour) {
		return 0, strconv.ErrSyntax
	}
	total := time.Duration(n) * 24 * time.Hour
	if rest == "" {
		return total, nil
	}
	extra, err := time.ParseDuration(rest)
	if err != nil || extra < 0 || total > math.MaxInt64-extra {
		return 0, strconv.ErrSyntax
	}
	return total + extra, nil
}
