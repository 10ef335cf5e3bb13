package config

import (
	"path"
	"strings"

	"github.com/vigil-sec/vigil/internal/glob"
)

// MatchPath reports whether the slash path name matches the path glob
// pattern. The dialect is the one users know from .gitignore, minus
// negation and character classes:
//
//   - "*" matches any run of characters within one path segment, "?" one
//     character;
//   - a "**" segment matches zero or more whole segments;
//   - a pattern without "/" matches a file or directory of that name at any
//     depth ("*.tftest.hcl");
//   - a pattern that matches a directory matches everything below it
//     ("modules/legacy").
func MatchPath(pattern, name string) bool {
	pattern = strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
	if pattern == "" {
		return false
	}
	if !strings.Contains(pattern, "/") {
		pattern = "**/" + pattern
	}
	pat := strings.Split(pattern, "/")
	segs := strings.Split(path.Clean(name), "/")
	// A match of any leading part of name means a parent directory matched.
	for n := len(segs); n > 0; n-- {
		if matchSegments(pat, segs[:n]) {
			return true
		}
	}
	return false
}

func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Try every split: "**" eats zero or more segments.
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 || !glob.Match(pat[0], segs[0]) {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// MatchResource reports whether the resource ID id matches the glob pattern,
// in which "*" matches any run of characters (dots and brackets included, so
// "module.logs.*" covers everything in that module call) and "?" one
// character. Resource IDs are case-sensitive, as Terraform addresses and ARNs
// are. In a tree of several root modules an ID is qualified by its root
// ("envs/prod:aws_s3_bucket.logs"); a pattern matches either the whole ID or
// the address after the root, so one entry can cover every root.
func MatchResource(pattern, id string) bool {
	if pattern == "" {
		return false
	}
	if glob.Match(pattern, id) {
		return true
	}
	if strings.HasPrefix(id, "arn:") {
		return false
	}
	_, addr, qualified := strings.Cut(id, ":")
	return qualified && glob.Match(pattern, addr)
}
