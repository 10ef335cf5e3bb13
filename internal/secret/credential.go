package secret

import (
	"math"
	"regexp"
	"strings"
)

// Kinds of credential Classify recognises.
const (
	AWSAccessKeyID     = "AWS access key ID"
	AWSSecretAccessKey = "AWS secret access key"
	PrivateKey         = "private key"
	GitHubToken        = "GitHub token"
	SlackToken         = "Slack token"
	StripeKey          = "Stripe secret key"
	Password           = "password"
	Token              = "secret or token"
)

// valuePatterns recognise credentials by their shape, whatever they are named.
var valuePatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{AWSAccessKeyID, regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`)},
	{PrivateKey, regexp.MustCompile(`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----`)},
	{GitHubToken, regexp.MustCompile(`\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b`)},
	{SlackToken, regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{10,}\b`)},
	{StripeKey, regexp.MustCompile(`\b[sr]k_live_[A-Za-z0-9]{20,}\b`)},
}

// awsSecretShape is the shape of an AWS secret access key: 40 base64 characters.
var awsSecretShape = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)

// Name words that say a variable holds a credential, and words that say it
// holds a pointer to one (SECRET_ARN, PASSWORD_PARAMETER) or something else
// about it (TOKEN_URL, SECRET_ROTATION_DAYS).
var (
	passwordWords = []string{"PASSWORD", "PASSWD", "PASSPHRASE", "PWD"}
	tokenWords    = []string{"SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "PRIVATEKEY", "CREDENTIAL", "CREDENTIALS", "AUTHKEY", "SIGNINGKEY", "CLIENTSECRET"}
	pointerWords  = []string{"ARN", "NAME", "ID", "PATH", "PARAM", "PARAMETER", "REF", "URL", "URI", "ENDPOINT", "FILE", "HEADER", "ENABLED", "LENGTH", "TTL", "EXPIRY", "EXPIRES", "DAYS", "TYPE", "VERSION", "REGION", "KEYID"}
)

// referencePrefixes start values that name where a secret lives rather than
// holding it.
var referencePrefixes = []string{"arn:", "{{resolve:", "ssm:", "secretsmanager:", "/", "${", "$(", "vault:", "projects/", "https://", "http://", "s3://"}

// Classify returns the kind of credential that a variable named name with
// value value looks like, or "" when it looks like none. Callers must never
// keep or print value; only the kind.
func Classify(name, value string) string {
	for _, p := range valuePatterns {
		if p.re.MatchString(value) {
			return p.kind
		}
	}
	words := nameWords(name)
	if hasWord(words, pointerWords) || isReference(value) {
		return ""
	}
	joined := strings.Join(words, "")
	switch {
	case strings.Contains(joined, "AWSSECRETACCESSKEY") || strings.Contains(joined, "SECRETACCESSKEY"):
		if awsSecretShape.MatchString(value) {
			return AWSSecretAccessKey
		}
	case hasWord(words, passwordWords) || strings.Contains(joined, "PASSWORD"):
		if looksLikePassword(value) {
			return Password
		}
	case hasWord(words, tokenWords) || containsAny(joined, tokenWords):
		if looksLikeToken(value) {
			return Token
		}
	}
	return ""
}

// nameWords splits a variable name into upper-case words on anything that is
// not a letter or digit, and on lower-to-upper case changes (dbPassword).
func nameWords(name string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, strings.ToUpper(cur.String()))
			cur.Reset()
		}
	}
	prevLower := false
	for _, r := range name {
		isLetter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		isDigit := r >= '0' && r <= '9'
		switch {
		case !isLetter && !isDigit:
			flush()
			prevLower = false
			continue
		case r >= 'A' && r <= 'Z' && prevLower:
			flush()
		}
		cur.WriteRune(r)
		prevLower = r >= 'a' && r <= 'z'
	}
	flush()
	return words
}

func hasWord(words, set []string) bool {
	for _, w := range words {
		for _, s := range set {
			if w == s {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func isReference(v string) bool {
	for _, p := range referencePrefixes {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// looksLikePassword accepts a literal of at least 8 characters without spaces
// that is not a boolean, a number or an obvious placeholder.
func looksLikePassword(v string) bool {
	if len(v) < 8 || strings.ContainsAny(v, " \t\n") || isPlaceholder(v) {
		return false
	}
	return entropy(v) >= 2.5
}

// looksLikeToken accepts a long, high-entropy literal mixing letters and
// digits, as generated keys and tokens do.
func looksLikeToken(v string) bool {
	if len(v) < 16 || strings.ContainsAny(v, " \t\n") || isPlaceholder(v) {
		return false
	}
	var letters, digits bool
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return letters && digits && entropy(v) >= 3.5
}

func isPlaceholder(v string) bool {
	l := strings.ToLower(v)
	for _, p := range []string{"changeme", "change_me", "placeholder", "example", "xxxxxxxx", "<", "todo", "replace"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return l == "true" || l == "false" || l == "null" || l == "none"
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}
