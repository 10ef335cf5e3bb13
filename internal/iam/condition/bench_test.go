package condition

import (
	"strings"
	"testing"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// benchContext is a request as an estate-wide analysis describes one: a
// handful of known keys, the rest unknown.
func benchContext() *Context {
	c := &Context{}
	c.Set("aws:PrincipalArn", "arn:aws:iam::123456789012:role/app-deploy")
	c.Set("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:alerts")
	c.Set("aws:SecureTransport", "true")
	c.Set("aws:SourceIp", "203.0.113.77")
	c.Set("aws:PrincipalTag/team", "blue")
	c.Set("aws:ResourceTag/team", "blue")
	c.Set("s3:prefix", "home/bob/reports/2024/")
	c.Set("aws:username", "bob")
	c.Set("s3:max-keys", "100")
	c.Set("aws:CurrentTime", "2024-05-01T12:00:00Z")
	c.Set("aws:TagKeys", "env", "team", "cost-center")
	return c
}

// benchCase is one condition per operator family that estate-wide analyses
// evaluate millions of times.
type benchCase struct {
	name string
	cond iammodel.Condition
}

func benchCases() []benchCase {
	return []benchCase{
		{"StringEquals", iammodel.Condition{Operator: "StringEquals", Key: "aws:PrincipalTag/team", Values: []string{"red", "blue"}}},
		{"StringNotEqualsAbsent", iammodel.Condition{Operator: "StringNotEquals", Key: "aws:PrincipalOrgID", Values: []string{"o-abc"}}},
		{"StringEqualsVariable", iammodel.Condition{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"${aws:PrincipalTag/team}"}}},
		{"StringLike", iammodel.Condition{Operator: "StringLike", Key: "s3:prefix", Values: []string{"", "home/", "home/bob/*"}}},
		{"StringLikeVariable", iammodel.Condition{Operator: "StringLike", Key: "s3:prefix", Values: []string{"home/${aws:username}/*"}}},
		{"Bool", iammodel.Condition{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"false"}}},
		{"ArnLike", iammodel.Condition{Operator: "ArnLike", Key: "aws:PrincipalArn", Values: []string{"arn:aws:iam::*:role/admin", "arn:aws:iam::123456789012:role/app-*"}}},
		{"ArnEqualsVariable", iammodel.Condition{Operator: "ArnEquals", Key: "aws:SourceArn", Values: []string{"arn:aws:sns:us-east-1:${aws:PrincipalAccount}:alerts"}}},
		{"ForAllValuesStringEquals", iammodel.Condition{Operator: "ForAllValues:StringEquals", Key: "aws:TagKeys", Values: []string{"env", "team", "cost-center", "owner"}}},
		{"IpAddress", iammodel.Condition{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"10.0.0.0/8", "203.0.113.0/24"}}},
		{"NumericLessThanEquals", iammodel.Condition{Operator: "NumericLessThanEquals", Key: "s3:max-keys", Values: []string{"1000"}}},
		{"DateGreaterThan", iammodel.Condition{Operator: "DateGreaterThan", Key: "aws:CurrentTime", Values: []string{"2024-01-01T00:00:00Z"}}},
		{"NullUnknown", iammodel.Condition{Operator: "Null", Key: "aws:TokenIssueTime", Values: []string{"true"}}},
		// A worst case: a pattern that backtracks at every star.
		{"StringLikeBacktrack", iammodel.Condition{Operator: "StringLike", Key: "s3:prefix", Values: []string{strings.Repeat("*o", 16) + "x"}}},
	}
}

// BenchmarkEvaluate measures each benchCase read on every call (direct) and
// read once (compiled). The string, Bool and ARN cases must not allocate.
func BenchmarkEvaluate(b *testing.B) {
	ctx := benchContext()
	for _, bc := range benchCases() {
		b.Run(bc.name+"/direct", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(bc.cond, ctx)
			}
		})
		compiled := Compile(bc.cond)
		b.Run(bc.name+"/compiled", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				compiled.Evaluate(ctx)
			}
		})
	}
}

// BenchmarkEvaluateAll measures a statement's block of three conditions, the
// common case of an SCP or resource policy guard.
func BenchmarkEvaluateAll(b *testing.B) {
	ctx := benchContext()
	cs := []iammodel.Condition{
		{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
		{Operator: "ArnNotLike", Key: "aws:PrincipalArn", Values: []string{"arn:aws:iam::*:role/OrgAdmin"}},
		{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"${aws:PrincipalTag/team}"}},
	}
	b.Run("direct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			EvaluateAll(cs, ctx)
		}
	})
	block := CompileBlock(cs)
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			block.Evaluate(ctx)
		}
	})
}

// BenchmarkSubstitute measures a Resource element with one variable.
func BenchmarkSubstitute(b *testing.B) {
	ctx := benchContext()
	b.ReportAllocs()
	for b.Loop() {
		Substitute("arn:aws:s3:::bucket/home/${aws:username}/*", ctx)
	}
}
