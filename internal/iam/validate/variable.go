package validate

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// hasVariable reports whether s holds a policy variable, "${...}".
func hasVariable(s string) bool { return strings.Contains(s, "${") }

// variables checks the policy variables of a Resource item or a condition
// value: their syntax, and that the document's version supports them.
// Variables without a 2012-10-17 Version are literal text.
func (s *stmt) variables(text string, pos iam.TextPos, path string) {
	if !hasVariable(text) {
		return
	}
	if s.v.version != version2012 {
		s.add(VariableUnsupportedInVersion, pos, path, "To include variables in your policy, use the policy version %s or later: with %s, %s is literal text.", version2012, s.v.versionName(), text)
		return
	}
	for rest := text; ; {
		i := strings.Index(rest, "${")
		if i < 0 {
			return
		}
		rest = rest[i+2:]
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			s.add(MissingBraceInVariable, pos, path, "The policy variable in %s is missing a closing curly brace. Add } after the variable text.", text)
			return
		}
		body := rest[:end]
		rest = rest[end+1:]
		name, def, hasDef := strings.Cut(body, ",")
		switch {
		case strings.TrimSpace(body) == "":
			s.add(EmptyVariable, pos, path, "Empty policy variable in %s. Remove the ${} variable structure or provide a variable within the structure.", text)
		case body == "*" || body == "?" || body == "$":
		case strings.ContainsAny(name, " \t"):
			s.add(UnsupportedSpaceInVariable, pos, path, "A space is not supported within the policy variable ${%s}. Remove the space.", body)
		case hasDef && !quoted(strings.TrimSpace(def)):
			s.add(MissingQuoteInVariable, pos, path, "The policy variable default value in ${%s} must begin and end with a single quote. Add the missing quote.", body)
		}
	}
}

func quoted(s string) bool { return len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' }

// versionName names the document's version for messages.
func (v *validator) versionName() string {
	if v.version == "" {
		return "no Version element (2008-10-17)"
	}
	return "Version " + v.version
}
