package glob

// Match reports whether s matches pattern, whose only metacharacters are "*"
// (any run, empty included) and "?" (one character). Matching is exact
// otherwise; callers fold case where their names are case-insensitive. It
// backtracks to the last star only, so it runs in O(len(pattern)·len(s)) at
// worst, however many stars a user writes.
func Match(pattern, s string) bool {
	pr, sr := []rune(pattern), []rune(s)
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(sr) {
		switch {
		case pi < len(pr) && (pr[pi] == '?' || pr[pi] == sr[si]):
			pi++
			si++
		case pi < len(pr) && pr[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pr) && pr[pi] == '*' {
		pi++
	}
	return pi == len(pr)
}
