package catalog

import (
	"regexp"
	"strings"
	"testing"
)

func resourceType(t testing.TB, c *Catalog, service, name string) *ResourceType {
	t.Helper()
	if s := c.Service(service); s != nil {
		for _, r := range s.ResourceTypes {
			if r.Name == name {
				return r
			}
		}
	}
	t.Fatalf("no resource type %s/%s", service, name)
	return nil
}

func TestResourceTypeMatches(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		service, typ, arn string
		want              bool
	}{
		{"s3", "bucket", "arn:aws:s3:::my-bucket", true},
		{"s3", "bucket", "arn:aws-cn:s3:::my-bucket", true},
		{"s3", "bucket", "arn:aws:s3:::my-bucket/key", false},
		{"s3", "bucket", "arn:aws:s3:::my-bucket/*", false}, // the classic ListBucket mistake
		{"s3", "bucket", "arn:aws:s3:::*", true},
		{"s3", "bucket", "arn:aws:s3:::my-*", true},
		{"s3", "bucket", "*", true},
		{"s3", "bucket", "arn:aws:s3:::", false},
		{"s3", "bucket", "arn:aws:s3:us-east-1::my-bucket", false},
		{"s3", "bucket", "arn:aws:ec2:::my-bucket", false},
		{"s3", "bucket", "arn:aws:S3:::my-bucket", false}, // ARNs compare case-sensitively
		{"s3", "object", "arn:aws:s3:::my-bucket/key", true},
		{"s3", "object", "arn:aws:s3:::my-bucket/a/b:c", true},
		{"s3", "object", "arn:aws:s3:::my-bucket/*", true},
		{"s3", "object", "arn:aws:s3:::*", true},
		{"s3", "object", "arn:aws:s3:::my-bucket", false},
		{"s3", "object", "arn:aws:s3:::my-bucket/", false},
		{"s3", "object", "arn:aws:s3:::my-bucket/${aws:username}/*", true},
		{"s3", "object", "arn:aws:s3:::my-bucket?key", true},
		{"s3", "accesspoint", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap", true},
		{"s3", "accesspoint", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k", false},
		{"s3", "accesspointobject", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k", true},
		{"iam", "role", "arn:aws:iam::123456789012:role/MyRole", true},
		{"iam", "role", "arn:aws:iam::123456789012:role/path/to/MyRole", true},
		{"iam", "role", "arn:aws:iam::*:role/${aws:username}", true},
		{"iam", "role", "arn:aws:iam::123456789012:role/", false},
		{"iam", "role", "arn:aws:iam::123456789012:user/MyRole", false},
		{"iam", "role", "arn:aws:iam::123456789012:*", true},
		{"iam", "role", "arn:aws:iam:::role/x", false},
		{"logs", "log-group", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn", true},
		{"logs", "log-group", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*", true},
		{"logs", "log-stream", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:s", true},
		{"logs", "log-stream", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*", true},
		{"logs", "log-stream", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn", false},
		{"lambda", "function", "arn:aws:lambda:us-east-1:123456789012:function:fn", true},
		{"lambda", "function", "arn:aws:lambda:us-east-1:123456789012:function:fn:prod", true},
		{"dynamodb", "table", "arn:aws:dynamodb:us-east-1:123456789012:table/t", true},
		{"dynamodb", "table", "arn:aws:dynamodb:us-east-1:123456789012:table/t/index/i", false},
		{"dynamodb", "index", "arn:aws:dynamodb:us-east-1:123456789012:table/t/index/i", true},
		{"apigateway", "Stage", "arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod", true}, // the second of two patterns
		{"apigateway", "Stage", "arn:aws:apigateway:us-east-1::/apis/abc/stages/prod", true},
		{"apigateway", "Stage", "arn:aws:apigateway:us-east-1::/apis/abc/routes/r", false},
		{"ec2", "instance", "arn:aws:ec2:*:*:instance/*", true},
		{"ec2", "instance", "arn:aws:ec2:us-east-1:123456789012:volume/vol-1", false},
		{"ec2", "instance", "", false},
	} {
		t.Run(tc.typ+" "+tc.arn, func(t *testing.T) {
			if got := resourceType(t, c, tc.service, tc.typ).Matches(tc.arn); got != tc.want {
				t.Errorf("%s/%s Matches(%q) = %v, want %v", tc.service, tc.typ, tc.arn, got, tc.want)
			}
		})
	}
}

// regexpOf is the meaning of a compiled pattern for ARNs without wildcards.
func regexpOf(p arnPattern) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, t := range p {
		class := "[^"
		if t.stop&stopSlash != 0 {
			class += "/"
		}
		if t.stop&stopColon != 0 {
			class += ":"
		}
		class += "\\n]"
		switch t.kind {
		case tokLit:
			b.WriteString(regexp.QuoteMeta(string(t.b)))
		case tokOne:
			b.WriteString(class)
		case tokMany:
			b.WriteString(class + "*")
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

func FuzzResourceTypeMatches(f *testing.F) {
	for _, s := range []string{
		"arn:aws:s3:::my-bucket", "arn:aws:s3:::b/k", "arn:aws:iam::123456789012:role/a/b",
		"arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", "arn:aws:lambda:r:1:function:f:1",
		"arn:aws:apigateway:r::/restapis/a/stages/s", "arn:aws:kms:r:1:key/k",
	} {
		f.Add(s)
	}
	c := Load()
	types := []*ResourceType{
		resourceType(f, c, "s3", "bucket"), resourceType(f, c, "s3", "object"),
		resourceType(f, c, "iam", "role"), resourceType(f, c, "logs", "log-stream"),
		resourceType(f, c, "lambda", "function"), resourceType(f, c, "apigateway", "Stage"),
		resourceType(f, c, "kms", "key"),
	}
	f.Fuzz(func(t *testing.T, arn string) {
		if strings.ContainsAny(arn, "*?$\n") {
			return // wildcards are checked by the table above; here the automaton meets a regexp
		}
		for _, rt := range types {
			want := false
			for _, p := range rt.patterns {
				want = want || regexpOf(p).MatchString(arn)
			}
			if got := rt.Matches(arn); got != want {
				t.Errorf("%s/%s Matches(%q) = %v, regexp says %v", rt.Service, rt.Name, arn, got, want)
			}
		}
	})
}
