package condition

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// setup describes one fact of a request context.
type setup func(*Context)

func set(key string, values ...string) setup {
	return func(c *Context) { c.Set(key, values...) }
}

func absent(key string) setup  { return func(c *Context) { c.SetAbsent(key) } }
func unknown(key string) setup { return func(c *Context) { c.SetUnknown(key) } }

var closed setup = func(c *Context) { c.Closed = true }

func newContext(ss ...setup) *Context {
	c := &Context{}
	for _, s := range ss {
		s(c)
	}
	return c
}

// evaluationCase is one row of the documented behaviour: a condition, the
// request context and the expected result.
type evaluationCase struct {
	op     string
	key    string
	values []string
	ctx    []setup
	want   Result
}

func vals(vs ...string) []string { return vs }

func ctx(ss ...setup) []setup { return ss }

var unknownValue = iammodel.Unknown

var evaluationCases = []evaluationCase{
	// String operators: exact and case-sensitive; multiple values are OR'd.
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), ctx(set("aws:PrincipalTag/job", "admin")), True},
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), ctx(set("aws:PrincipalTag/job", "Admin")), False},
	{"StringEquals", "aws:PrincipalTag/job", vals("dev", "admin"), ctx(set("aws:PrincipalTag/job", "admin")), True},
	{"StringEquals", "AWS:principaltag/JOB", vals("admin"), ctx(set("aws:PrincipalTag/job", "admin")), True},
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), ctx(absent("aws:PrincipalTag/job")), False},
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), ctx(closed), False},
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), nil, Maybe},
	{"StringEquals", "aws:PrincipalTag/job", vals("admin"), ctx(closed, unknown("aws:principaltag/job")), Maybe},
	{"StringEquals", "s3:prefix", vals("*"), ctx(set("s3:prefix", "home")), False},
	{"StringEquals", "s3:prefix", vals("*"), ctx(set("s3:prefix", "*")), True},
	{"StringEquals", "s3:prefix", vals(""), ctx(set("s3:prefix", "")), True},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin"), ctx(set("aws:PrincipalTag/job", "admin")), False},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin"), ctx(set("aws:PrincipalTag/job", "dev")), True},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin", "dev"), ctx(set("aws:PrincipalTag/job", "dev")), False},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin", "dev"), ctx(set("aws:PrincipalTag/job", "ops")), True},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin"), ctx(absent("aws:PrincipalTag/job")), True},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin"), ctx(closed), True},
	{"StringNotEquals", "aws:PrincipalTag/job", vals("admin"), nil, Maybe},
	{"StringEqualsIgnoreCase", "aws:username", vals("John"), ctx(set("aws:username", "jOHN")), True},
	{"StringEqualsIgnoreCase", "aws:username", vals("ÉCOLE"), ctx(set("aws:username", "école")), True},
	{"StringEqualsIgnoreCase", "aws:username", vals("\u212a"), ctx(set("aws:username", "k")), True},
	{"StringEqualsIgnoreCase", "aws:username", vals("John"), ctx(set("aws:username", "Johnny")), False},
	{"StringEqualsIgnoreCase", "aws:username", vals("John"), ctx(absent("aws:username")), False},
	{"StringNotEqualsIgnoreCase", "aws:username", vals("John"), ctx(set("aws:username", "JOHN")), False},
	{"StringNotEqualsIgnoreCase", "aws:username", vals("John"), ctx(set("aws:username", "Jane")), True},
	{"StringNotEqualsIgnoreCase", "aws:username", vals("John"), ctx(absent("aws:username")), True},
	{"StringLike", "s3:prefix", vals("home/*"), ctx(set("s3:prefix", "home/bob/docs")), True},
	{"StringLike", "s3:prefix", vals("home/*"), ctx(set("s3:prefix", "Home/bob")), False},
	{"StringLike", "s3:prefix", vals("home/*"), ctx(set("s3:prefix", "home/")), True},
	{"StringLike", "s3:prefix", vals("file?.txt"), ctx(set("s3:prefix", "file1.txt")), True},
	{"StringLike", "s3:prefix", vals("file?.txt"), ctx(set("s3:prefix", "fileé.txt")), True},
	{"StringLike", "s3:prefix", vals("file?.txt"), ctx(set("s3:prefix", "file12.txt")), False},
	{"StringLike", "s3:prefix", vals("file?.txt"), ctx(set("s3:prefix", "file.txt")), False},
	{"StringLike", "s3:prefix", vals("a*b*c"), ctx(set("s3:prefix", "aXbYbZc")), True},
	{"StringLike", "s3:prefix", vals("a*b*c"), ctx(set("s3:prefix", "aXbYbZ")), False},
	{"StringLike", "s3:prefix", vals("*.txt", "*.csv"), ctx(set("s3:prefix", "x.csv")), True},
	{"StringLike", "s3:prefix", vals("*"), ctx(set("s3:prefix", "")), True},
	{"StringLike", "s3:prefix", vals("*"), ctx(absent("s3:prefix")), False},
	{"StringLike", "s3:prefix", vals("*"), nil, Maybe},
	{"StringLike", "s3:prefix", vals("home/*"), nil, Maybe},
	{"StringNotLike", "s3:prefix", vals("home/*"), ctx(set("s3:prefix", "home/bob")), False},
	{"StringNotLike", "s3:prefix", vals("home/*", "tmp/*"), ctx(set("s3:prefix", "tmp/x")), False},
	{"StringNotLike", "s3:prefix", vals("home/*", "tmp/*"), ctx(set("s3:prefix", "var/x")), True},
	{"StringNotLike", "s3:prefix", vals("home/*"), ctx(absent("s3:prefix")), True},
	{"StringNotLike", "s3:prefix", vals("*"), ctx(set("s3:prefix", "x")), False},
	{"StringNotLike", "s3:prefix", vals("*"), nil, Maybe},

	// IfExists: an absent key makes the condition true; an unknown key
	// leaves it open unless every answer agrees.
	{"StringEqualsIfExists", "ec2:InstanceType", vals("t2.micro"), ctx(absent("ec2:InstanceType")), True},
	{"StringEqualsIfExists", "ec2:InstanceType", vals("t2.micro"), ctx(closed), True},
	{"StringEqualsIfExists", "ec2:InstanceType", vals("t2.micro"), ctx(set("ec2:InstanceType", "t2.micro")), True},
	{"StringEqualsIfExists", "ec2:InstanceType", vals("t2.micro"), ctx(set("ec2:InstanceType", "m5.large")), False},
	{"StringEqualsIfExists", "ec2:InstanceType", vals("t2.micro"), nil, Maybe},
	{"StringLikeIfExists", "ec2:InstanceType", vals("t1.*", "t2.*", "m3.*"), ctx(set("ec2:InstanceType", "t2.nano")), True},
	{"StringLikeIfExists", "ec2:InstanceType", vals("*"), nil, True},
	{"StringNotEqualsIfExists", "aws:ResourceTag/env", vals("prod"), ctx(absent("aws:ResourceTag/env")), True},
	{"StringNotEqualsIfExists", "aws:ResourceTag/env", vals("prod"), ctx(set("aws:ResourceTag/env", "prod")), False},
	{"StringNotEqualsIfExists", "aws:ResourceTag/env", vals("prod"), nil, Maybe},
	{"NumericLessThanIfExists", "s3:max-keys", vals("10"), ctx(absent("s3:max-keys")), True},
	{"NumericLessThanIfExists", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "20")), False},
	{"BoolIfExists", "aws:MultiFactorAuthPresent", vals("false"), ctx(absent("aws:MultiFactorAuthPresent")), True},
	{"BoolIfExists", "aws:MultiFactorAuthPresent", vals("false"), ctx(set("aws:MultiFactorAuthPresent", "true")), False},
	{"ArnLikeIfExists", "aws:SourceArn", vals("arn:aws:sns:*:*:*"), ctx(absent("aws:SourceArn")), True},
	{"IpAddressIfExists", "aws:SourceIp", vals("10.0.0.0/8"), ctx(absent("aws:SourceIp")), True},
	{"DateLessThanIfExists", "aws:TokenIssueTime", vals("2020-01-01"), ctx(absent("aws:TokenIssueTime")), True},

	// Numeric operators.
	{"NumericLessThanEquals", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "10")), True},
	{"NumericLessThanEquals", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "11")), False},
	{"NumericLessThan", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "10")), False},
	{"NumericLessThan", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "-3")), True},
	{"NumericGreaterThan", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "10.5")), True},
	{"NumericGreaterThanEquals", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "9.99")), False},
	{"NumericEquals", "s3:max-keys", vals("2.5"), ctx(set("s3:max-keys", "2.50")), True},
	{"NumericEquals", "s3:max-keys", vals("1e3"), ctx(set("s3:max-keys", "1000")), True},
	{"NumericEquals", "s3:max-keys", vals("1", "2"), ctx(set("s3:max-keys", "2")), True},
	{"NumericNotEquals", "s3:max-keys", vals("1", "2"), ctx(set("s3:max-keys", "2")), False},
	{"NumericNotEquals", "s3:max-keys", vals("1", "2"), ctx(set("s3:max-keys", "3")), True},
	{"NumericNotEquals", "s3:max-keys", vals("1"), ctx(absent("s3:max-keys")), True},
	{"NumericLessThan", "s3:max-keys", vals("10"), ctx(absent("s3:max-keys")), False},
	{"NumericLessThan", "s3:max-keys", vals("10"), nil, Maybe},
	{"NumericLessThan", "s3:max-keys", vals("ten"), ctx(set("s3:max-keys", "1")), False},
	{"NumericLessThan", "s3:max-keys", vals("0x10"), ctx(set("s3:max-keys", "1")), False},
	{"NumericLessThan", "s3:max-keys", vals("ten"), nil, False},
	{"NumericNotEquals", "s3:max-keys", vals("ten"), ctx(set("s3:max-keys", "1")), False},
	{"NumericLessThan", "s3:max-keys", vals("10"), ctx(set("s3:max-keys", "many")), False},
	{"NumericEquals", "s3:max-keys", vals("${s3:other}"), ctx(set("s3:max-keys", "1"), set("s3:other", "1")), False},

	// Date operators: W3C ISO 8601 and epoch seconds, compared as instants.
	{"DateGreaterThan", "aws:TokenIssueTime", vals("2020-01-01T00:00:01Z"), ctx(set("aws:TokenIssueTime", "2020-06-01T00:00:00Z")), True},
	{"DateGreaterThan", "aws:TokenIssueTime", vals("2020-01-01T00:00:01Z"), ctx(set("aws:TokenIssueTime", "2019-12-31T23:59:59Z")), False},
	{"DateGreaterThan", "aws:TokenIssueTime", vals("2020-01-01T00:00:01Z"), ctx(absent("aws:TokenIssueTime")), False},
	{"DateGreaterThan", "aws:TokenIssueTime", vals("2020-01-01T00:00:01Z"), nil, Maybe},
	{"DateLessThan", "aws:EpochTime", vals("2020-01-01T00:00:00Z"), ctx(set("aws:EpochTime", "1577836799")), True},
	{"DateLessThan", "aws:EpochTime", vals("2020-01-01T00:00:00Z"), ctx(set("aws:EpochTime", "1577836800")), False},
	{"DateLessThanEquals", "aws:EpochTime", vals("1577836800"), ctx(set("aws:EpochTime", "2020-01-01T00:00:00Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("1577836800"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("2020-01-01T01:00:00+01:00"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("2019-12-31T19:00:00-05:00"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("2020-01-01"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("2020-01"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00.000Z")), True},
	{"DateEquals", "aws:CurrentTime", vals("2020-01-01T00:00Z"), ctx(set("aws:CurrentTime", "1577836800")), True},
	{"DateGreaterThan", "aws:CurrentTime", vals("2020-01-01T00:00:00Z"), ctx(set("aws:CurrentTime", "2020-01-01T00:00:00.5Z")), True},
	{"DateGreaterThan", "aws:CurrentTime", vals("1577836800"), ctx(set("aws:CurrentTime", "1577836800.25")), True},
	{"DateGreaterThanEquals", "aws:CurrentTime", vals("2024-02-29"), ctx(set("aws:CurrentTime", "2024-02-29T12:00:00Z")), True},
	{"DateNotEquals", "aws:CurrentTime", vals("2020-01-01"), ctx(set("aws:CurrentTime", "2020-01-02")), True},
	{"DateNotEquals", "aws:CurrentTime", vals("2020-01-01"), ctx(set("aws:CurrentTime", "2020-01-01")), False},
	{"DateNotEquals", "aws:CurrentTime", vals("2020-01-01"), ctx(absent("aws:CurrentTime")), True},
	{"DateLessThan", "aws:CurrentTime", vals("2020-13-01"), ctx(set("aws:CurrentTime", "2019-01-01")), False},
	{"DateLessThan", "aws:CurrentTime", vals("2023-02-29"), ctx(set("aws:CurrentTime", "2019-01-01")), False},
	{"DateLessThan", "aws:CurrentTime", vals("2020-01-01T25:00:00Z"), ctx(set("aws:CurrentTime", "2019-01-01")), False},
	{"DateLessThan", "aws:CurrentTime", vals("yesterday"), ctx(set("aws:CurrentTime", "2019-01-01")), False},
	{"DateNotEquals", "aws:CurrentTime", vals("yesterday"), ctx(absent("aws:CurrentTime")), False},
	{"DateLessThan", "aws:CurrentTime", vals("2020-01-01"), ctx(set("aws:CurrentTime", "soon")), False},

	// Bool: "true" or "false", in any case.
	{"Bool", "aws:SecureTransport", vals("false"), ctx(set("aws:SecureTransport", "false")), True},
	{"Bool", "aws:SecureTransport", vals("false"), ctx(set("aws:SecureTransport", "true")), False},
	{"Bool", "aws:SecureTransport", vals("True"), ctx(set("aws:SecureTransport", "true")), True},
	{"Bool", "aws:SecureTransport", vals("false"), ctx(absent("aws:SecureTransport")), False},
	{"Bool", "aws:SecureTransport", vals("false"), nil, Maybe},
	{"Bool", "aws:SecureTransport", vals("yes"), ctx(set("aws:SecureTransport", "true")), False},
	{"Bool", "aws:SecureTransport", vals("true"), ctx(set("aws:SecureTransport", "1")), False},
	{"Bool", "aws:SecureTransport", vals("${aws:ViaAWSService}"), ctx(set("aws:SecureTransport", "true"), set("aws:ViaAWSService", "true")), True},
	{"Bool", "aws:SecureTransport", vals("${aws:ViaAWSService}"), ctx(set("aws:SecureTransport", "true")), Maybe},

	// BinaryEquals compares the bytes of base64 values.
	{"BinaryEquals", "s3:x-amz-key", vals("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), ctx(set("s3:x-amz-key", "QmluYXJ5VmFsdWVJbkJhc2U2NA==")), True},
	{"BinaryEquals", "s3:x-amz-key", vals("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), ctx(set("s3:x-amz-key", "T3RoZXI=")), False},
	{"BinaryEquals", "s3:x-amz-key", vals("not base64!"), ctx(set("s3:x-amz-key", "T3RoZXI=")), False},
	{"BinaryEquals", "s3:x-amz-key", vals("T3RoZXI="), ctx(set("s3:x-amz-key", "%%%")), False},
	{"BinaryEquals", "s3:x-amz-key", vals("T3RoZXI="), ctx(absent("s3:x-amz-key")), False},

	// IP address operators: IPv4 and IPv6 ranges and plain addresses.
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(set("aws:SourceIp", "203.0.113.5")), True},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(set("aws:SourceIp", "203.0.114.5")), False},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.5"), ctx(set("aws:SourceIp", "203.0.113.5")), True},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.5"), ctx(set("aws:SourceIp", "203.0.113.6")), False},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.5/24"), ctx(set("aws:SourceIp", "203.0.113.200")), True},
	{"IpAddress", "aws:SourceIp", vals("2001:DB8:1234:5678::/64"), ctx(set("aws:SourceIp", "2001:db8:1234:5678::1")), True},
	{"IpAddress", "aws:SourceIp", vals("2001:DB8:1234:5678::/64"), ctx(set("aws:SourceIp", "2001:db8:1234:5679::1")), False},
	{"IpAddress", "aws:SourceIp", vals("2001:db8::1"), ctx(set("aws:SourceIp", "2001:DB8:0:0:0:0:0:1")), True},
	{"IpAddress", "aws:SourceIp", vals("0.0.0.0/0"), ctx(set("aws:SourceIp", "2001:db8::1")), False},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24", "2001:DB8:1234:5678::/64"), ctx(set("aws:SourceIp", "2001:db8:1234:5678::ff")), True},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(set("aws:SourceIp", "::ffff:203.0.113.9")), True},
	{"IpAddress", "aws:SourceIp", vals("::ffff:203.0.113.0/120"), ctx(set("aws:SourceIp", "203.0.113.9")), True},
	{"IpAddress", "aws:SourceIp", vals("10.0.0.0/8"), ctx(set("aws:SourceIp", "10.1.0.0/16")), True},
	{"IpAddress", "aws:SourceIp", vals("10.1.0.0/16"), ctx(set("aws:SourceIp", "10.0.0.0/8")), Maybe},
	{"IpAddress", "aws:SourceIp", vals("10.1.0.0/16"), ctx(set("aws:SourceIp", "192.168.0.0/16")), False},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(absent("aws:SourceIp")), False},
	{"IpAddress", "aws:SourceIp", vals("203.0.113.0/24"), nil, Maybe},
	{"IpAddress", "aws:SourceIp", vals("300.0.0.0/8"), ctx(set("aws:SourceIp", "1.2.3.4")), False},
	{"IpAddress", "aws:SourceIp", vals("10.0.0.0/33"), ctx(set("aws:SourceIp", "10.0.0.1")), False},
	{"IpAddress", "aws:SourceIp", vals("fe80::1%eth0"), ctx(set("aws:SourceIp", "fe80::1")), False},
	{"IpAddress", "aws:SourceIp", vals("10.0.0.0/8"), ctx(set("aws:SourceIp", "vpce")), False},
	{"NotIpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(set("aws:SourceIp", "203.0.113.5")), False},
	{"NotIpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(set("aws:SourceIp", "198.51.100.1")), True},
	{"NotIpAddress", "aws:SourceIp", vals("203.0.113.0/24", "198.51.100.0/24"), ctx(set("aws:SourceIp", "198.51.100.1")), False},
	{"NotIpAddress", "aws:SourceIp", vals("203.0.113.0/24"), ctx(absent("aws:SourceIp")), True},
	{"NotIpAddress", "aws:SourceIp", vals("10.1.0.0/16"), ctx(set("aws:SourceIp", "10.0.0.0/8")), Maybe},
	{"NotIpAddress", "aws:SourceIp", vals("bad"), ctx(set("aws:SourceIp", "10.0.0.1")), False},

	// ARN operators: six colon-separated segments matched one by one, with
	// wildcards inside segments; ArnEquals matches as ArnLike does.
	{"ArnLike", "aws:SourceArn", vals("arn:aws:sns:*:123456789012:topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic")), True},
	{"ArnEquals", "aws:SourceArn", vals("arn:aws:sns:*:123456789012:topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic")), True},
	{"ArnEquals", "aws:SourceArn", vals("arn:aws:sns:us-east-1:123456789012:topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic")), True},
	{"ArnEquals", "aws:SourceArn", vals("arn:aws:sns:us-east-1:123456789012:topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:Topic")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:someservice:*:111122223333:finance/*"), ctx(set("aws:SourceArn", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")), False},
	{"StringLike", "aws:SourceArn", vals("arn:aws:someservice:*:111122223333:finance/*"), ctx(set("aws:SourceArn", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:logs:us-east-1:123:log-group:*"), ctx(set("aws:SourceArn", "arn:aws:logs:us-east-1:123:log-group:app:log-stream:x")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:s3:::bucket/*"), ctx(set("aws:SourceArn", "arn:aws:s3:::bucket/a:b/c")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam:?:123:root"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::12?:root"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:*:iam::123:root"), ctx(set("aws:SourceArn", "arn:aws-us-gov:iam::123:root")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:*:*:*:*:*"), ctx(set("aws:SourceArn", "arn:aws:s3:::b")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:*:*:*:*:*"), nil, Maybe},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::*:role/Admin"), ctx(set("aws:SourceArn", "arn:aws:iam::123:role/admin")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::*:role/*", "arn:aws:iam::*:user/*"), ctx(set("aws:SourceArn", "arn:aws:iam::123:user/bob")), True},
	{"ArnLike", "aws:SourceArn", vals("not-an-arn"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), False},
	{"ArnLike", "aws:SourceArn", vals("*"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(set("aws:SourceArn", "not-an-arn")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(absent("aws:SourceArn")), False},
	{"ArnNotLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(absent("aws:SourceArn")), True},
	{"ArnNotLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), False},
	{"ArnNotLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(set("aws:SourceArn", "arn:aws:iam::123:user/x")), True},
	{"ArnNotEquals", "aws:SourceArn", vals("arn:aws:iam::*:root", "arn:aws:iam::*:user/*"), ctx(set("aws:SourceArn", "arn:aws:iam::123:user/x")), False},
	{"ArnNotLike", "aws:SourceArn", vals("not-an-arn"), ctx(set("aws:SourceArn", "arn:aws:iam::123:root")), False},
	{"ArnNotLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), ctx(set("aws:SourceArn", "not-an-arn")), False},
	{"ArnNotLike", "aws:SourceArn", vals("arn:aws:iam::*:root"), nil, Maybe},

	// Null: "true" when the key is absent, "false" when it is present.
	{"Null", "aws:TokenIssueTime", vals("true"), ctx(absent("aws:TokenIssueTime")), True},
	{"Null", "aws:TokenIssueTime", vals("true"), ctx(closed), True},
	{"Null", "aws:TokenIssueTime", vals("true"), ctx(set("aws:TokenIssueTime", "2020-01-01")), False},
	{"Null", "aws:TokenIssueTime", vals("false"), ctx(set("aws:TokenIssueTime", "2020-01-01")), True},
	{"Null", "aws:TokenIssueTime", vals("false"), ctx(absent("aws:TokenIssueTime")), False},
	{"Null", "aws:TokenIssueTime", vals("true"), nil, Maybe},
	{"Null", "aws:TokenIssueTime", vals("false"), nil, Maybe},
	{"Null", "aws:TokenIssueTime", vals("true", "false"), nil, True},
	{"Null", "aws:TokenIssueTime", vals("TRUE"), ctx(absent("aws:TokenIssueTime")), True},
	{"Null", "aws:TagKeys", vals("true"), ctx(set("aws:TagKeys")), True},
	{"Null", "aws:TagKeys", vals("false"), ctx(set("aws:TagKeys", unknownValue)), True},
	{"Null", "aws:TokenIssueTime", vals("maybe"), ctx(absent("aws:TokenIssueTime")), False},
	{"Null", "aws:TokenIssueTime", vals("${aws:x}"), ctx(absent("aws:TokenIssueTime")), False},
	{"Null", "aws:TokenIssueTime", vals(unknownValue), ctx(absent("aws:TokenIssueTime")), Maybe},
	{"NullIfExists", "aws:TokenIssueTime", vals("true"), ctx(absent("aws:TokenIssueTime")), False},
	{"ForAnyValue:Null", "aws:TagKeys", vals("true"), ctx(absent("aws:TagKeys")), False},

	// Set operators on a multivalued key.
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "env")), True},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "env", "team")), True},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "env", "cost")), False},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(absent("aws:TagKeys")), True},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys")), True},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env", "team"), nil, Maybe},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "env", unknownValue)), Maybe},
	{"ForAllValues:StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "cost", unknownValue)), False},
	{"ForAllValues:StringLike", "aws:TagKeys", vals("key1*"), ctx(set("aws:TagKeys", "key1a", "key1b")), True},
	{"ForAllValues:StringLike", "aws:TagKeys", vals("key1*"), ctx(set("aws:TagKeys", "key1a", "key2")), False},
	{"ForAllValues:StringLike", "aws:TagKeys", vals("*"), nil, True},
	{"ForAllValues:StringNotEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "cost", "owner")), True},
	{"ForAllValues:StringNotEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "cost", "team")), False},
	{"ForAllValues:StringNotEquals", "aws:TagKeys", vals("env"), ctx(absent("aws:TagKeys")), True},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "cost", "env")), True},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys", "cost", "owner")), False},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(absent("aws:TagKeys")), False},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env", "team"), ctx(set("aws:TagKeys")), False},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env", "team"), nil, Maybe},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "env", unknownValue)), True},
	{"ForAnyValue:StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "cost", unknownValue)), Maybe},
	{"ForAnyValue:StringLike", "aws:TagKeys", vals("*"), nil, Maybe},
	{"ForAnyValue:StringNotEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "env", "cost")), True},
	{"ForAnyValue:StringNotEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "env")), False},
	{"ForAnyValue:StringNotEquals", "aws:TagKeys", vals("env"), ctx(absent("aws:TagKeys")), False},
	{"ForAnyValue:StringEqualsIfExists", "aws:TagKeys", vals("env"), ctx(absent("aws:TagKeys")), True},
	{"ForAnyValue:StringEqualsIfExists", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "cost")), False},
	{"ForAllValues:StringEqualsIgnoreCase", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "ENV", "Env")), True},
	{"ForAnyValue:NumericLessThan", "dynamodb:Attributes", vals("10"), ctx(set("dynamodb:Attributes", "50", "5")), True},
	{"ForAllValues:NumericLessThan", "dynamodb:Attributes", vals("10"), ctx(set("dynamodb:Attributes", "50", "5")), False},
	{"ForAnyValue:ArnLike", "aws:PrincipalServiceNamesList", vals("arn:aws:iam::*:role/*"), ctx(set("aws:PrincipalServiceNamesList", "x", "arn:aws:iam::1:role/r")), False},
	{"ForAnyValue:StringLike", "aws:PrincipalOrgPaths", vals("o-1/r-ab12/ou-1/*"), ctx(set("aws:PrincipalOrgPaths", "o-1/r-ab12/ou-2/", "o-1/r-ab12/ou-1/ou-3/")), True},

	// A multivalued key without a set operator: AWS requires one and does
	// not say what happens without, so only a unanimous answer is known.
	{"StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys", "env", "cost")), Maybe},
	{"StringEquals", "aws:TagKeys", vals("env", "cost"), ctx(set("aws:TagKeys", "env", "cost")), True},
	{"StringEquals", "aws:TagKeys", vals("team"), ctx(set("aws:TagKeys", "env", "cost")), False},
	{"StringNotEquals", "aws:TagKeys", vals("team"), ctx(set("aws:TagKeys", "env", "cost")), True},
	{"StringEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys")), False},
	{"StringNotEquals", "aws:TagKeys", vals("env"), ctx(set("aws:TagKeys")), True},

	// Policy variables in string and ARN values.
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "blue"), set("aws:PrincipalTag/team", "blue")), True},
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "blue"), set("aws:PrincipalTag/team", "red")), False},
	{"StringEquals", "aws:ResourceTag/team", vals("${AWS:principaltag/TEAM}"), ctx(set("aws:ResourceTag/team", "blue"), set("aws:PrincipalTag/team", "blue")), True},
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "blue"), absent("aws:PrincipalTag/team")), False},
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "blue")), Maybe},
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(absent("aws:ResourceTag/team")), False},
	{"StringEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(absent("aws:PrincipalTag/team")), False},
	{"StringEqualsIfExists", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(absent("aws:PrincipalTag/team")), Maybe},
	{"StringNotEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "blue"), absent("aws:PrincipalTag/team")), True},
	{"StringNotEquals", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(absent("aws:PrincipalTag/team")), True},
	{"StringEqualsIgnoreCase", "aws:ResourceTag/team", vals("${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "BLUE"), set("aws:PrincipalTag/team", "blue")), True},
	{"StringEquals", "aws:ResourceTag/team", vals("team-${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "other"), unknown("aws:PrincipalTag/team")), False},
	{"StringEquals", "aws:ResourceTag/team", vals("team-${aws:PrincipalTag/team}"), ctx(set("aws:ResourceTag/team", "team-x"), unknown("aws:PrincipalTag/team")), Maybe},
	{"StringLike", "s3:prefix", vals("home/${aws:username}/*"), ctx(set("s3:prefix", "home/bob/docs"), set("aws:username", "bob")), True},
	{"StringLike", "s3:prefix", vals("home/${aws:username}/*"), ctx(set("s3:prefix", "home/alice/docs"), set("aws:username", "bob")), False},
	{"StringLike", "s3:prefix", vals("", "home/", "home/${aws:username}/"), ctx(set("s3:prefix", "home/"), absent("aws:username")), True},
	{"StringLike", "s3:prefix", vals("home/${aws:username, 'guest'}/*"), ctx(set("s3:prefix", "home/guest/x"), absent("aws:username")), True},
	{"StringLike", "s3:prefix", vals("home/${ aws:username , 'guest' }/*"), ctx(set("s3:prefix", "home/guest/x"), closed), True},
	{"StringLike", "s3:prefix", vals("home/${aws:username, 'guest'}/*"), ctx(set("s3:prefix", "home/guest/x"), set("aws:username", "bob")), False},
	{"StringLike", "s3:prefix", vals("${aws:username}"), ctx(set("s3:prefix", "bob"), set("aws:username", "b*")), False},
	{"StringLike", "s3:prefix", vals("${aws:username}"), ctx(set("s3:prefix", "b*"), set("aws:username", "b*")), True},
	{"StringLike", "s3:prefix", vals("a${*}b"), ctx(set("s3:prefix", "a*b")), True},
	{"StringLike", "s3:prefix", vals("a${*}b"), ctx(set("s3:prefix", "axyzb")), False},
	{"StringLike", "s3:prefix", vals("what${?}"), ctx(set("s3:prefix", "what?")), True},
	{"StringLike", "s3:prefix", vals("what${?}"), ctx(set("s3:prefix", "whatx")), False},
	{"StringEquals", "s3:prefix", vals("cost${$}"), ctx(set("s3:prefix", "cost$")), True},
	{"StringEquals", "s3:prefix", vals("${abc"), ctx(set("s3:prefix", "${abc")), True},
	{"StringEquals", "s3:prefix", vals("${}"), ctx(set("s3:prefix", "${}")), True},
	{"StringEquals", "s3:prefix", vals("${aws:TagKeys}"), ctx(set("s3:prefix", "a"), set("aws:TagKeys", "a", "b")), False},
	{"StringEquals", "s3:prefix", vals("${aws:TagKeys, 'x'}"), ctx(set("s3:prefix", "x"), set("aws:TagKeys", "a", "b")), True},
	{"StringEquals", "s3:prefix", vals("${aws:username}"), ctx(set("s3:prefix", "x"), set("aws:username", unknownValue)), Maybe},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::${aws:PrincipalAccount}:role/*"), ctx(set("aws:SourceArn", "arn:aws:iam::123:role/x"), set("aws:PrincipalAccount", "123")), True},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::${aws:PrincipalAccount}:role/*"), ctx(set("aws:SourceArn", "arn:aws:iam::456:role/x"), set("aws:PrincipalAccount", "123")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::${aws:PrincipalAccount}:role/*"), ctx(set("aws:SourceArn", "arn:aws:iam::456:role/x")), Maybe},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:iam::${aws:PrincipalAccount}:role/*"), ctx(set("aws:SourceArn", "arn:aws:iam::456:user/x")), False},
	{"ArnEquals", "aws:SourceArn", vals("${aws:PrincipalArn}"), ctx(set("aws:SourceArn", "arn:aws:iam::1:role/r"), set("aws:PrincipalArn", "arn:aws:iam::1:role/r")), True},
	{"ArnEquals", "aws:SourceArn", vals("${aws:PrincipalArn}"), ctx(set("aws:SourceArn", "arn:aws:iam::1:role/r"), set("aws:PrincipalArn", "arn:aws:iam::2:role/r")), False},

	// Values, keys and operators holding the model's unknown placeholder.
	{unknownValue, "aws:SourceIp", vals("10.0.0.0/8"), ctx(set("aws:SourceIp", "10.0.0.1")), Maybe},
	{"IpAddress", unknownValue, vals("10.0.0.0/8"), ctx(closed), Maybe},
	{"StringEquals", "aws:SourceAccount", vals(unknownValue), ctx(set("aws:SourceAccount", "123")), Maybe},
	{"StringEquals", "aws:SourceAccount", vals(unknownValue), ctx(absent("aws:SourceAccount")), False},
	{"StringNotEquals", "aws:SourceAccount", vals(unknownValue), ctx(set("aws:SourceAccount", "123")), Maybe},
	{"StringEquals", "aws:SourceAccount", vals("123"), ctx(set("aws:SourceAccount", unknownValue)), Maybe},
	{"StringLike", "aws:SourceAccount", vals("*"), ctx(set("aws:SourceAccount", unknownValue)), True},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:sns:us-east-1:" + unknownValue + ":topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123:topic")), Maybe},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:sns:us-east-1:" + unknownValue + ":topic"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:123:other")), False},
	{"ArnLike", "aws:SourceArn", vals("arn:aws:sns:*:*:*"), ctx(set("aws:SourceArn", "arn:aws:sns:us-east-1:"+unknownValue+":topic")), Maybe},
	{"NumericLessThan", "s3:max-keys", vals(unknownValue), ctx(set("s3:max-keys", "1")), Maybe},
	{"IpAddress", "aws:SourceIp", vals(unknownValue, "10.0.0.0/8"), ctx(set("aws:SourceIp", "10.0.0.1")), True},
	{"NotIpAddress", "aws:SourceIp", vals(unknownValue, "10.0.0.0/8"), ctx(set("aws:SourceIp", "10.0.0.1")), False},
	{"NotIpAddress", "aws:SourceIp", vals(unknownValue, "10.0.0.0/8"), ctx(set("aws:SourceIp", "11.0.0.1")), Maybe},
	{"Bool", "aws:SecureTransport", vals(unknownValue), ctx(set("aws:SecureTransport", "true")), Maybe},

	// Operators AWS does not know, and empty value lists, never match.
	{"stringEquals", "aws:username", vals("bob"), ctx(set("aws:username", "bob")), False},
	{"StringEqualz", "aws:username", vals("bob"), ctx(set("aws:username", "bob")), False},
	{"ForSomeValues:StringEquals", "aws:username", vals("bob"), ctx(set("aws:username", "bob")), False},
	{"StringLikeIgnoreCase", "aws:username", vals("bob"), ctx(set("aws:username", "bob")), False},
	{"StringNotEquals", "aws:username", vals("bob"), nil, Maybe},
	{"StringNotEqualz", "aws:username", vals("bob"), nil, False},
	{"StringNotEquals", "aws:username", nil, ctx(absent("aws:username")), False},
}

func TestEvaluate(t *testing.T) {
	for i, tc := range evaluationCases {
		c := iammodel.Condition{Operator: tc.op, Key: tc.key, Values: tc.values}
		t.Run(fmt.Sprintf("%03d_%s", i, tc.op), func(t *testing.T) {
			var ctx *Context
			if tc.ctx != nil {
				ctx = newContext(tc.ctx...)
			}
			if got := Evaluate(c, ctx); got != tc.want {
				t.Errorf("Evaluate(%s %s %q) = %v, want %v", tc.op, tc.key, tc.values, got, tc.want)
			}
			if got := Compile(c).Evaluate(ctx); got != tc.want {
				t.Errorf("Compile(%s %s %q).Evaluate = %v, want %v", tc.op, tc.key, tc.values, got, tc.want)
			}
		})
	}
}

func TestEvaluateAll(t *testing.T) {
	secure := iammodel.Condition{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}}
	office := iammodel.Condition{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24"}}
	org := iammodel.Condition{Operator: "StringEquals", Key: "aws:PrincipalOrgID", Values: []string{"o-1"}}
	ctx := newContext(set("aws:SecureTransport", "true"), set("aws:SourceIp", "198.51.100.1"))
	for name, tc := range map[string]struct {
		conds     []iammodel.Condition
		want      Result
		wantMaybe []iammodel.Condition
	}{
		"none":        {nil, True, nil},
		"all true":    {[]iammodel.Condition{secure}, True, nil},
		"one maybe":   {[]iammodel.Condition{secure, org}, Maybe, []iammodel.Condition{org}},
		"one false":   {[]iammodel.Condition{org, secure, office}, False, nil},
		"false first": {[]iammodel.Condition{office, org}, False, nil},
	} {
		got, maybe := EvaluateAll(tc.conds, ctx)
		if got != tc.want {
			t.Errorf("%s: EvaluateAll = %v, want %v", name, got, tc.want)
		}
		if diff := cmp.Diff(tc.wantMaybe, maybe); diff != "" {
			t.Errorf("%s: EvaluateAll maybe (-want +got):\n%s", name, diff)
		}
		gotB, maybeB := CompileBlock(tc.conds).Evaluate(ctx)
		if gotB != got {
			t.Errorf("%s: Block.Evaluate = %v, want %v", name, gotB, got)
		}
		if diff := cmp.Diff(maybe, maybeB); diff != "" {
			t.Errorf("%s: Block.Evaluate maybe (-EvaluateAll +Block):\n%s", name, diff)
		}
	}
}

func TestKnownOperator(t *testing.T) {
	for _, tc := range []struct {
		op   string
		want bool
	}{
		{"StringEquals", true},
		{"StringNotEqualsIgnoreCase", true},
		{"ForAnyValue:StringLike", true},
		{"ForAllValues:ArnNotLikeIfExists", true},
		{"DateLessThanIfExists", true},
		{"NumericGreaterThanEquals", true},
		{"BinaryEquals", true},
		{"NotIpAddressIfExists", true},
		{"BoolIfExists", true},
		{"Null", true},
		{"NullIfExists", false},
		{"ForAllValues:Null", false},
		{"stringEquals", false},
		{"StringEqualsIfexists", false},
		{"forallvalues:StringEquals", false},
		{"ForAllValues:ForAnyValue:StringEquals", false},
		{"StringLikeIgnoreCase", false},
		{"IfExists", false},
		{"", false},
	} {
		if got := KnownOperator(tc.op); got != tc.want {
			t.Errorf("KnownOperator(%q) = %v, want %v", tc.op, got, tc.want)
		}
	}
}

func TestResultLogic(t *testing.T) {
	rs := []Result{Maybe, False, True}
	// Kleene's strong three-valued logic, with Maybe standing for "true or
	// false": an answer is known when both readings of each Maybe agree.
	reading := func(r Result) []bool {
		switch r {
		case True:
			return []bool{true}
		case False:
			return []bool{false}
		}
		return []bool{false, true}
	}
	fold := func(bs []bool) Result {
		if !slices.Contains(bs, true) {
			return False
		}
		if !slices.Contains(bs, false) {
			return True
		}
		return Maybe
	}
	for _, a := range rs {
		var nots []bool
		for _, x := range reading(a) {
			nots = append(nots, !x)
		}
		if got, want := a.Not(), fold(nots); got != want {
			t.Errorf("%v.Not() = %v, want %v", a, got, want)
		}
		for _, b := range rs {
			var ands, ors []bool
			for _, x := range reading(a) {
				for _, y := range reading(b) {
					ands = append(ands, x && y)
					ors = append(ors, x || y)
				}
			}
			if got, want := a.And(b), fold(ands); got != want {
				t.Errorf("%v.And(%v) = %v, want %v", a, b, got, want)
			}
			if got, want := a.Or(b), fold(ors); got != want {
				t.Errorf("%v.Or(%v) = %v, want %v", a, b, got, want)
			}
		}
	}
}
