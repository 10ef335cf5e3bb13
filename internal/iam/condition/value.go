package condition

import (
	"encoding/base64"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// parseNumber reads an integer or decimal ("10", "-2.5", "1e3"). Values are
// compared as float64, exact for the integers condition keys carry.
func parseNumber(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && isDigit(s[i]); i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// instant is a point in time, to the nanosecond.
type instant struct {
	sec  int64
	nsec int32
}

func (a instant) compare(b instant) int {
	switch {
	case a.sec < b.sec:
		return -1
	case a.sec > b.sec:
		return 1
	case a.nsec < b.nsec:
		return -1
	case a.nsec > b.nsec:
		return 1
	}
	return 0
}

// parseDate reads a date as AWS accepts them: epoch (UNIX) seconds, with an
// optional fraction, or one of the W3C profiles of ISO 8601 (YYYY-MM,
// YYYY-MM-DD, then "T" with hh:mm, hh:mm:ss or hh:mm:ss.s and a zone "Z" or
// ±hh:mm; a time without a zone is UTC). All digits is epoch time, so a bare
// year "2020" reads as 2020 seconds after the epoch: epoch values are
// common in policies and bare years are not.
func parseDate(s string) (instant, bool) {
	if s == "" {
		return instant{}, false
	}
	if t, ok := parseEpoch(s); ok {
		return t, true
	}
	return parseISO(s)
}

func parseEpoch(s string) (instant, bool) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	digits := strings.TrimPrefix(intPart, "-")
	if digits == "" || !allDigits(digits) || hasFrac && (frac == "" || !allDigits(frac)) {
		return instant{}, false
	}
	sec, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return instant{}, false
	}
	var nsec int64
	for i := range 9 {
		nsec *= 10
		if i < len(frac) {
			nsec += int64(frac[i] - '0')
		}
	}
	if nsec > 0 && intPart[0] == '-' {
		sec--
		nsec = 1e9 - nsec
	}
	return instant{sec: sec, nsec: int32(nsec)}, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func parseISO(s string) (instant, bool) {
	num := func(from, n int) (int, bool) {
		if from+n > len(s) || !allDigits(s[from:from+n]) {
			return 0, false
		}
		v, _ := strconv.Atoi(s[from : from+n])
		return v, true
	}
	year, ok := num(0, 4)
	if !ok || len(s) < 7 || s[4] != '-' {
		return instant{}, false
	}
	month, ok := num(5, 2)
	if !ok || month < 1 || month > 12 {
		return instant{}, false
	}
	day := 1
	if len(s) > 7 {
		if s[7] != '-' {
			return instant{}, false
		}
		if day, ok = num(8, 2); !ok || day < 1 || day > daysIn(year, month) {
			return instant{}, false
		}
	}
	var hour, minute, second, nsec, offset int
	i := 10
	if len(s) > 7 && len(s) > 10 {
		if s[10] != 'T' && s[10] != 't' {
			return instant{}, false
		}
		if hour, ok = num(11, 2); !ok || hour > 23 || len(s) < 16 || s[13] != ':' {
			return instant{}, false
		}
		if minute, ok = num(14, 2); !ok || minute > 59 {
			return instant{}, false
		}
		i = 16
		if i < len(s) && s[i] == ':' {
			if second, ok = num(17, 2); !ok || second > 60 {
				return instant{}, false
			}
			i = 19
			if i < len(s) && s[i] == '.' {
				j := i + 1
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				if j == i+1 {
					return instant{}, false
				}
				for k := range 9 {
					nsec *= 10
					if i+1+k < j {
						nsec += int(s[i+1+k] - '0')
					}
				}
				i = j
			}
		}
		switch {
		case i == len(s):
		case (s[i] == 'Z' || s[i] == 'z') && i+1 == len(s):
		case (s[i] == '+' || s[i] == '-') && i+6 == len(s) && s[i+3] == ':':
			h, okH := num(i+1, 2)
			m, okM := num(i+4, 2)
			if !okH || !okM || h > 23 || m > 59 {
				return instant{}, false
			}
			offset = (h*60 + m) * 60
			if s[i] == '-' {
				offset = -offset
			}
		default:
			return instant{}, false
		}
	} else if len(s) != 7 && len(s) != 10 {
		return instant{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, nsec, time.UTC)
	return instant{sec: t.Unix() - int64(offset), nsec: int32(t.Nanosecond())}, true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parsePrefix reads an IP condition value: a CIDR, IPv4 or IPv6, or a plain
// address, which AWS takes as a /32 (or /128). Host bits are ignored and
// IPv4-mapped IPv6 reads as IPv4.
func parsePrefix(s string) (netip.Prefix, bool) {
	if strings.IndexByte(s, '/') < 0 {
		a, err := netip.ParseAddr(s)
		if err != nil || a.Zone() != "" {
			return netip.Prefix{}, false
		}
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), true
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p.Masked(), true
}

// contains compares a request's address (or range, when a caller describes
// a request only by where it may come from) with a policy range.
func contains(policy, request netip.Prefix) Result {
	switch {
	case policy.Addr().Is4() != request.Addr().Is4():
		return False
	case policy.Bits() <= request.Bits() && policy.Contains(request.Addr()):
		return True
	case policy.Overlaps(request):
		return Maybe
	}
	return False
}

// parseBool reads "true" or "false" in any case.
func parseBool(s string) (bool, bool) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// decodeBinary reads a base64 value: BinaryEquals compares bytes.
func decodeBinary(s string) (string, bool) {
	b, err := base64.StdEncoding.DecodeString(s)
	return string(b), err == nil
}
