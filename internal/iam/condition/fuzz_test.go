package condition

import (
	"strings"
	"testing"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// negations pairs each operator with its negation, for the property that a
// single known request value satisfies exactly one of them.
var negations = map[string]string{
	"StringEquals":           "StringNotEquals",
	"StringEqualsIgnoreCase": "StringNotEqualsIgnoreCase",
	"StringLike":             "StringNotLike",
	"NumericEquals":          "NumericNotEquals",
	"DateEquals":             "DateNotEquals",
	"IpAddress":              "NotIpAddress",
	"ArnLike":                "ArnNotLike",
	"ArnEquals":              "ArnNotEquals",
}

// FuzzEvaluate checks that evaluation never panics, that compiled and
// direct evaluation agree, that an operator and its negation disagree on a
// present single value, that StringLike without wildcards is StringEquals,
// and that both wildcard matchers agree. values and request are lists separated by '|'; state picks
// how the key is known.
func FuzzEvaluate(f *testing.F) {
	for _, tc := range evaluationCases {
		if len(tc.values) > 0 {
			f.Add(tc.op, tc.key, strings.Join(tc.values, "|"), "", uint8(0))
		}
	}
	f.Add("StringLike", "s3:prefix", "home/${aws:username}/*|a*b?c", "home/bob/x", uint8(1))
	f.Add("ArnLike", "aws:SourceArn", "arn:aws:iam::${aws:username}:*", "arn:aws:iam::1:role/r", uint8(1))
	f.Add("ForAllValues:StringEquals", "aws:TagKeys", "a|b", "a|b|c", uint8(1))
	f.Add("DateLessThan", "aws:CurrentTime", "2020-01-01T00:00:00.123456789+05:30", "1577836800.5", uint8(1))
	f.Add("IpAddress", "aws:SourceIp", "10.0.0.0/8|::1", "10.2.0.0/16", uint8(1))
	f.Add("StringEqualsIgnoreCase", "k", "${k, 'ǅ'}", "ǆ", uint8(2))
	f.Fuzz(func(t *testing.T, op, key, values, request string, state uint8) {
		c := iammodel.Condition{Operator: op, Key: key, Values: strings.Split(values, "|")}
		ctx := &Context{}
		switch state % 4 {
		case 1:
			ctx.Set(key, strings.Split(request, "|")...)
			ctx.Set("aws:username", request)
		case 2:
			ctx.Set(key, request)
			ctx.Closed = true
		case 3:
			ctx.SetAbsent(key)
		}
		got := Evaluate(c, ctx)
		if got > True {
			t.Fatalf("Evaluate = %d, not a Result", got)
		}
		if cg := Compile(c).Evaluate(ctx); cg != got {
			t.Fatalf("Compile.Evaluate = %v, Evaluate = %v", cg, got)
		}
		if all, _ := EvaluateAll([]iammodel.Condition{c}, ctx); all != got {
			t.Fatalf("EvaluateAll = %v, Evaluate = %v", all, got)
		}
		if neg, ok := negations[op]; ok && state%4 == 2 {
			n := Evaluate(iammodel.Condition{Operator: neg, Key: key, Values: c.Values}, ctx)
			if !(got == False && n == False) && n != got.Not() {
				t.Fatalf("%s = %v but %s = %v", op, got, neg, n)
			}
		}
		if op == "StringLike" && !strings.ContainsAny(values, "*?$") {
			eq := Evaluate(iammodel.Condition{Operator: "StringEquals", Key: key, Values: c.Values}, ctx)
			if eq != got {
				t.Fatalf("StringLike without wildcards = %v, StringEquals = %v", got, eq)
			}
		}
		if !strings.Contains(values, "${") {
			p := pattern{raw: values, wild: true}
			for _, arn := range []bool{false, true} {
				if g, gt := p.glob(request, arn), globText(values, request, arn); g != gt {
					t.Fatalf("glob(%q, %q, arn=%v) = %v, globText = %v", values, request, arn, g, gt)
				}
			}
		}
		s, res := Substitute(values, ctx)
		if res == True && !strings.Contains(values, "${") && s != values {
			t.Fatalf("Substitute changed text without variables: %q", s)
		}
		if res == False && s != "" {
			t.Fatalf("Substitute = %q with False", s)
		}
	})
}
