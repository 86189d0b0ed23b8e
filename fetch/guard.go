package fetch

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strings"
)

// Guard keeps a request whose URL came from content out of private
// networks. Anyone can write the links of a public feed or page, so an
// article link, a next-page link, an autodiscovered feed or a URL a user
// hands to an on-the-fly endpoint could point at a router on the LAN or at
// a cloud metadata service (169.254.169.254). With a Guard on the Request,
// every hop of the fetch (redirects and the robots.txt lookup included)
// may reach a private address (see PrivateClass) only when the hop's host
// is one of Hosts or the address is inside one of Networks. Public
// addresses are always allowed.
//
// The check is made on the address actually dialled, after DNS
// resolution, so a public name that resolves to a private address (DNS
// rebinding) is refused too, before any packet is sent. A nil *Guard
// checks nothing: that is for URLs the operator wrote. Behind an HTTP
// proxy, the proxy's own address is what is dialled and checked.
type Guard struct {
	// Hosts are host names (without port, compared case-insensitively)
	// whose URLs may reach any address: the configured source's own host.
	Hosts []string
	// Networks are the private networks any URL may reach.
	Networks []netip.Prefix
	// AllowKey names the setting that fills Networks ("allow_networks"),
	// so that a refusal tells the operator what to change.
	AllowKey string
}

// GuardFor is the Guard for the links of a source the operator configured
// at sourceURL: its own host is trusted, and networks are allowed to all.
// allowKey names the setting networks come from, for error messages.
func GuardFor(sourceURL string, networks []netip.Prefix, allowKey string) *Guard {
	g := &Guard{Networks: networks, AllowKey: allowKey}
	if u, err := url.Parse(sourceURL); err == nil && u.Hostname() != "" {
		g.Hosts = []string{u.Hostname()}
	}
	return g
}

// Trusts reports whether a URL on host (a URL's Host, with or without
// port) may reach any address: always for a nil Guard.
func (g *Guard) Trusts(host string) bool {
	if g == nil {
		return true
	}
	name := hostName(host)
	return slices.ContainsFunc(g.Hosts, func(h string) bool { return strings.EqualFold(hostName(h), name) })
}

// Allows reports whether a URL the Guard does not trust may reach ip:
// it is public, or inside one of Networks.
func (g *Guard) Allows(ip netip.Addr) bool {
	return allowed(ip, g.networks())
}

func (g *Guard) networks() []netip.Prefix {
	if g == nil {
		return nil
	}
	return g.Networks
}

// allowed is Guard.Allows for a list of networks.
func allowed(ip netip.Addr, networks []netip.Prefix) bool {
	ip = ip.Unmap().WithZone("")
	if PrivateClass(ip) == "" {
		return true
	}
	return slices.ContainsFunc(networks, func(p netip.Prefix) bool {
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		return p.Contains(ip)
	})
}

// hostName strips the port and brackets from a URL host and a final dot
// from the name.
func hostName(host string) string {
	u := url.URL{Host: host}
	return strings.TrimSuffix(u.Hostname(), ".")
}

// special address ranges beyond what netip.Addr's Is methods name.
var (
	cgnat     = netip.MustParsePrefix("100.64.0.0/10")   // RFC 6598 shared address space
	thisNet   = netip.MustParsePrefix("0.0.0.0/8")       // RFC 1122 "this network"
	reserved4 = netip.MustParsePrefix("240.0.0.0/4")     // RFC 1112 reserved, broadcast
	nat64     = netip.MustParsePrefix("64:ff9b::/96")    // RFC 6052, embeds an IPv4 address
	siteLocal = netip.MustParsePrefix("fec0::/10")       // RFC 3879 deprecated site-local
	benchmark = netip.MustParsePrefix("198.18.0.0/15")   // RFC 2544 benchmarking
	ietf4     = netip.MustParsePrefix("192.0.0.0/24")    // RFC 6890 IETF protocol assignments
	local6to4 = netip.MustParsePrefix("2002::/16")       // 6to4, embeds an IPv4 address
	teredo    = netip.MustParsePrefix("2001::/32")       // Teredo, obfuscates an IPv4 address
	discard6  = netip.MustParsePrefix("100::/64")        // RFC 6666 discard-only
	ipv4Compt = netip.MustParsePrefix("::/96")           // deprecated IPv4-compatible addresses
	docs6     = netip.MustParsePrefix("2001:db8::/32")   // documentation, never routed
	orchid    = netip.MustParsePrefix("2001:10::/28")    // ORCHID, never routed
	docs4a    = netip.MustParsePrefix("192.0.2.0/24")    // TEST-NET-1
	docs4b    = netip.MustParsePrefix("198.51.100.0/24") // TEST-NET-2
	docs4c    = netip.MustParsePrefix("203.0.113.0/24")  // TEST-NET-3
)

// PrivateClass names the kind of non-public address ip is ("loopback",
// "private", "link-local", "CGNAT", "unique-local", "multicast",
// "unspecified" or "reserved"), or returns "" for a public address. An
// IPv4-mapped IPv6 address (::ffff:127.0.0.1) is classed as the IPv4
// address it carries, and so is one embedded by NAT64 or 6to4.
func PrivateClass(ip netip.Addr) string {
	ip = ip.Unmap().WithZone("")
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip.Is6() && ip.IsPrivate():
		return "unique-local"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(), siteLocal.Contains(ip):
		return "link-local"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case cgnat.Contains(ip):
		return "CGNAT"
	case nat64.Contains(ip), local6to4.Contains(ip):
		return PrivateClass(embeddedIPv4(ip))
	case thisNet.Contains(ip), reserved4.Contains(ip), benchmark.Contains(ip), ietf4.Contains(ip),
		teredo.Contains(ip), discard6.Contains(ip), ipv4Compt.Contains(ip), docs6.Contains(ip),
		orchid.Contains(ip), docs4a.Contains(ip), docs4b.Contains(ip), docs4c.Contains(ip):
		return "reserved"
	}
	return ""
}

// embeddedIPv4 is the IPv4 address inside a NAT64 (last 32 bits) or 6to4
// (bits 16–48) address.
func embeddedIPv4(ip netip.Addr) netip.Addr {
	b := ip.As16()
	if local6to4.Contains(ip) {
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
	}
	return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
}

// refusal is a private address a Guard refused, as the dial error.
type refusal struct {
	host     string // the name that was dialled, or the address itself
	ip       netip.Addr
	allowKey string
}

// Error reads like "localhost is 127.0.0.1, a loopback address; a link
// from content reaches one only on the source's own host or in
// allow_networks".
func (r *refusal) Error() string {
	ip := r.ip.Unmap().WithZone("")
	where := "an allowed network"
	if r.allowKey != "" {
		where = r.allowKey
	}
	name := ip.String()
	if r.host != "" && r.host != ip.String() && r.host != r.ip.String() {
		name = fmt.Sprintf("%s is %s,", r.host, ip)
	} else {
		name += " is"
	}
	class, article := PrivateClass(ip), "a"
	if class == "unspecified" || class == "invalid" {
		article = "an"
	}
	return fmt.Sprintf("%s %s %s address; a link from content reaches one only on the source's own host or in %s",
		name, article, class, where)
}

// Is makes a refusal match ErrPrivateAddress.
func (r *refusal) Is(target error) bool { return target == ErrPrivateAddress }
