package condition

import (
	"testing"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

func TestSubstitute(t *testing.T) {
	u := iammodel.Unknown
	for _, tc := range []struct {
		in   string
		ctx  []setup
		want string
		res  Result
	}{
		{"arn:aws:s3:::bucket/home", nil, "arn:aws:s3:::bucket/home", True},
		{"arn:aws:s3:::bucket/${aws:username}/*", ctx(set("aws:username", "bob")), "arn:aws:s3:::bucket/bob/*", True},
		{"arn:aws:s3:::bucket/${AWS:UserName}", ctx(set("aws:username", "bob")), "arn:aws:s3:::bucket/bob", True},
		{"arn:aws:s3:::${aws:PrincipalTag/team}", ctx(set("aws:PrincipalTag/team", "blue")), "arn:aws:s3:::blue", True},
		{"${s3:prefix}/${aws:username}", ctx(set("s3:prefix", "home"), set("aws:username", "bob")), "home/bob", True},
		{"${*}${?}${$}", nil, "*?$", True},
		{"a${*}b", ctx(closed), "a*b", True},
		{"${aws:userid, 'anonymous'}", ctx(absent("aws:userid")), "anonymous", True},
		{"${aws:userid,'anonymous'}", ctx(closed), "anonymous", True},
		{"${ aws:userid ,  'a b' }", ctx(closed), "a b", True},
		{"${aws:userid, 'anonymous'}", ctx(set("aws:userid", "AIDA1")), "AIDA1", True},
		{"${aws:userid, ''}", ctx(closed), "", True},
		{"home/${aws:username}", ctx(absent("aws:username")), "", False},
		{"home/${aws:username}", ctx(closed), "", False},
		{"home/${aws:username}", ctx(set("aws:username")), "", False},
		{"${aws:TagKeys}", ctx(set("aws:TagKeys", "a", "b")), "", False},
		{"${aws:TagKeys, 'none'}", ctx(set("aws:TagKeys", "a", "b")), "none", True},
		{"home/${aws:username}", nil, "home/" + u, Maybe},
		{"home/${aws:username, 'guest'}", nil, "home/" + u, Maybe},
		{"${aws:username}/${aws:userid}", ctx(unknown("aws:username"), absent("aws:userid")), "", False},
		{"home/${aws:username}", ctx(set("aws:username", "x-"+u)), "home/" + u, Maybe},
		{"arn:aws:s3:::" + u + "/*", ctx(closed), "arn:aws:s3:::" + u + "/*", Maybe},
		{"${aws:username", ctx(closed), "${aws:username", True},
		{"${}", ctx(closed), "${}", True},
		{"${aws:username, guest}", ctx(closed), "${aws:username, guest}", True},
		{"${aws:username, 'guest}", ctx(closed), "${aws:username, 'guest}", True},
		{"${aws:username, 'guest' x}", ctx(closed), "${aws:username, 'guest' x}", True},
		{"$${aws:username}", ctx(set("aws:username", "bob")), "$bob", True},
		{"${${aws:username}}", ctx(set("aws:username", "bob")), "${bob}", True},
	} {
		var ctx *Context
		if tc.ctx != nil {
			ctx = newContext(tc.ctx...)
		}
		got, res := Substitute(tc.in, ctx)
		if got != tc.want || res != tc.res {
			t.Errorf("Substitute(%q) = %q, %v; want %q, %v", tc.in, got, res, tc.want, tc.res)
		}
	}
}

func TestContext(t *testing.T) {
	c := &Context{}
	c.Set("AWS:SourceIp", "10.0.0.1")
	c.SetAbsent("aws:TokenIssueTime")
	c.SetUnknown("aws:username")
	c.Set("aws:TagKeys", "a", "b")
	c.SetAbsent("aws:tagkeys")
	c.Set("aws:PrincipalTag/Straße", "x")
	for _, tc := range []struct {
		key    string
		closed bool
		want   State
		n      int
	}{
		{"aws:sourceip", false, Present, 1},
		{"AWS:SOURCEIP", false, Present, 1},
		{"aws:TokenIssueTime", false, Absent, 0},
		{"aws:username", false, Unknown, 0},
		{"aws:username", true, Unknown, 0},
		{"aws:TagKeys", false, Absent, 0},
		{"aws:other", false, Unknown, 0},
		{"aws:other", true, Absent, 0},
		{"AWS:PrincipalTag/STRASSE", false, Unknown, 0},
		{"aws:principaltag/straße", false, Present, 1},
		{"AWS:PRINCIPALTAG/STRAßE", false, Present, 1},
	} {
		c.Closed = tc.closed
		vs, st := c.Lookup(tc.key)
		if st != tc.want || len(vs) != tc.n {
			t.Errorf("Lookup(%q) closed=%v = %v (%d values), want %v (%d)", tc.key, tc.closed, st, len(vs), tc.want, tc.n)
		}
	}

	c.Closed = true
	clone := c.Clone()
	clone.Set("aws:other", "v")
	clone.Closed = false
	if _, st := c.Lookup("aws:another"); st != Absent {
		t.Errorf("changing a clone changed the original: it is no longer closed")
	}
	if _, st := c.Lookup("aws:other"); st != Absent {
		t.Errorf("changing a clone changed the original: aws:other is %v", st)
	}
	if _, st := clone.Lookup("aws:SourceIp"); st != Present {
		t.Errorf("clone lost aws:SourceIp: %v", st)
	}

	var nilCtx *Context
	if _, st := nilCtx.Lookup("aws:SourceIp"); st != Unknown {
		t.Errorf("nil context: Lookup = %v, want unknown", st)
	}
	long := "aws:RequestTag/" + string(make([]byte, 200))
	c.Set(long, "v")
	if _, st := c.Lookup(long); st != Present {
		t.Errorf("long key: Lookup = %v, want present", st)
	}
}
