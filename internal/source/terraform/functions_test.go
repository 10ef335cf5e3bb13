package terraform

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

// TestFunctions evaluates expressions against the function table of a root
// module at "infra" and compares the rendered results with what Terraform
// returns for them.
func TestFunctions(t *testing.T) {
	fsys := fstest.MapFS{
		"infra/main.tf":      {Data: []byte(`resource "x" "y" {}`)},
		"infra/hello.txt":    {Data: []byte("hello\n")},
		"infra/t/a.tpl":      {Data: []byte("Hi ${name}!%{ for x in xs } ${x}%{ endfor }")},
		"infra/t/sub/b.tpl":  {Data: []byte("b")},
		"infra/t/sub/c.json": {Data: []byte("{}")},
	}
	l := &loader{fsys: fsys, root: ".", an: newAnalysis(), pure: pureFunctions(), modules: map[string]*moduleEntry{}, files: map[string]bool{}}
	l.an.funcs["provider::aws::arn_parse"] = true
	fns := l.functions("infra")
	marked := cty.StringVal("arn:aws:s3:::b").Mark(tfres.Ref{Address: "aws_s3_bucket.b", Attr: "arn"})
	vars := map[string]cty.Value{
		"unknown": cty.UnknownVal(cty.String),
		"marked":  marked,
		"list":    cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}),
	}
	tests := []struct {
		expr string
		want string
	}{
		// Numbers.
		{`abs(-3)`, `3`},
		{`ceil(1.2)`, `2`},
		{`floor(1.8)`, `1`},
		{`max(1, 5, 3)`, `5`},
		{`min(1, 5, 3)`, `1`},
		{`sum([1, 2, 3.5])`, `6.5`},
		{`parseint("ff", 16)`, `255`},
		{`pow(2, 10)`, `1024`},
		{`signum(-4)`, `-1`},
		// Strings.
		{`format("%s-%03d", "a", 7)`, `"a-007"`},
		{`formatlist("%s=%s", ["a", "b"], ["1", "2"])`, `["a=1", "b=2"]`},
		{`join(",", ["a", "b"])`, `"a,b"`},
		{`split(",", "a,b")`, `["a", "b"]`},
		{`lower("AbC")`, `"abc"`},
		{`upper("AbC")`, `"ABC"`},
		{`title("hello world")`, `"Hello World"`},
		{`replace("a-b-c", "-", "_")`, `"a_b_c"`},
		{`replace("a1b22c", "/[0-9]+/", "#")`, `"a#b#c"`},
		{`regex("^(\\w+)@", "me@x.org")`, `["me"]`},
		{`regexall("[0-9]", "a1b2")`, `["1", "2"]`},
		{`trimspace("  x \n")`, `"x"`},
		{`trimprefix("prefix-x", "prefix-")`, `"x"`},
		{`trimsuffix("x.tf", ".tf")`, `"x"`},
		{`trim("?!x!?", "!?")`, `"x"`},
		{`substr("hello", 1, 3)`, `"ell"`},
		{`startswith("arn:aws:s3", "arn:")`, `true`},
		{`endswith("x.json", ".yaml")`, `false`},
		{`strcontains("abc", "b")`, `true`},
		{`chomp("x\n\n")`, `"x"`},
		{`indent(2, "a\nb")`, `"a\n  b"`},
		{`strrev("abc")`, `"cba"`},
		// Collections.
		{`concat(["a"], ["b", "c"])`, `["a", "b", "c"]`},
		{`contains(["a", "b"], "b")`, `true`},
		{`distinct(["a", "b", "a"])`, `["a", "b"]`},
		{`element(["a", "b"], 3)`, `"b"`},
		{`flatten([["a"], [["b"]], []])`, `["a", "b"]`},
		{`index(["a", "b"], "b")`, `1`},
		{`keys({b = 1, a = 2})`, `["a", "b"]`},
		{`values({b = 1, a = 2})`, `[2, 1]`},
		{`length(["a", "b"])`, `2`},
		{`length({a = 1})`, `1`},
		{`length("héllo")`, `5`},
		{`lookup({a = "x"}, "a", "d")`, `"x"`},
		{`lookup({a = "x"}, "b", "d")`, `"d"`},
		{`lookup({a = "x"}, "a", null)`, `"x"`},
		{`lookup({a = "x"}, "b", null)`, `null`},
		{`lookup({a = ["10.0.0.0/8"]}, "cidr_blocks", null)`, `null`},
		{`lookup(tomap({a = "x"}), "b", null)`, `null`},
		{`lookup({a = "x"}, "a", unknown)`, `"x"`},
		{`lookup({a = "x"}, "b", unknown)`, `(unknown)`},
		{`lookup({a = unknown}, "a", "d")`, `(unknown)`},
		{`lookup({r = marked}, "r", null)`, `"arn:aws:s3:::b" <- aws_s3_bucket.b.arn`},
		{`merge({a = 1, b = 2}, {b = 3})`, `{a = 1, b = 3}`},
		{`coalesce("", "x")`, `"x"`},
		{`coalesce(null, 2)`, `2`},
		{`coalescelist([], ["x"])`, `["x"]`},
		{`compact(["a", "", "b"])`, `["a", "b"]`},
		{`zipmap(["a", "b"], [1, 2])`, `{a = 1, b = 2}`},
		{`range(3)`, `[0, 1, 2]`},
		{`slice(["a", "b", "c"], 1, 3)`, `["b", "c"]`},
		{`sort(["b", "a"])`, `["a", "b"]`},
		{`reverse(["a", "b"])`, `["b", "a"]`},
		{`setunion(["a"], ["b"])`, `["a", "b"]`},
		{`setintersection(["a", "b"], ["b"])`, `["b"]`},
		{`setsubtract(["a", "b"], ["b"])`, `["a"]`},
		{`length(setproduct(["a", "b"], [1, 2]))`, `4`},
		{`one(["x"])`, `"x"`},
		{`one([])`, `null`},
		{`alltrue([true, true])`, `true`},
		{`anytrue([false, true])`, `true`},
		{`alltrue([])`, `true`},
		{`chunklist(["a", "b", "c"], 2)`, `[["a", "b"], ["c"]]`},
		{`transpose({a = ["1", "2"], b = ["2"]})`, `{1 = ["a"], 2 = ["a", "b"]}`},
		{`matchkeys(["i-1", "i-2"], ["a", "b"], ["b"])`, `["i-2"]`},
		{`tolist(toset(["b", "a", "b"]))`, `["a", "b"]`},
		{`tomap({a = "x", b = "y"})`, `{a = "x", b = "y"}`},
		{`tolist([1, "a"])`, `["1", "a"]`},
		{`tostring(1)`, `"1"`},
		{`tonumber("2")`, `2`},
		{`tobool("true")`, `true`},
		// Encoding.
		{`jsonencode({a = [1, "x"]})`, `"{\"a\":[1,\"x\"]}"`},
		{`jsondecode("{\"a\":[1,true]}")`, `{a = [1, true]}`},
		{`yamldecode("a: [1, x]\nb: {c: true}")`, `{a = [1, "x"], b = {c = true}}`},
		{`yamlencode({a = "b", n = [1]})`, `"\"a\": \"b\"\n\"n\":\n    - 1\n"`},
		{`base64encode("hi")`, `"aGk="`},
		{`base64decode("aGk=")`, `"hi"`},
		{`textencodebase64("hi", "UTF-16LE")`, `"aABpAA=="`},
		{`textdecodebase64("aABpAA==", "UTF-16LE")`, `"hi"`},
		{`urlencode("a b&c")`, `"a+b%26c"`},
		{`csvdecode("a,b\n1,2")`, `[{a = "1", b = "2"}]`},
		// Hashes.
		{`md5("hi")`, `"49f68a5c8493ec2c0bf489821c21fc3b"`},
		{`sha1("hi")`, `"c22b5f9178342609428d6f51b2c5af4c0bde6a42"`},
		{`sha256("hi")`, `"8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4"`},
		{`base64sha256("hi")`, `"j0NDRmSPa5bfid2pAcUXaxCm2Dlh3TwayItZstwyeqQ="`},
		{`uuidv5("dns", "example.com")`, `"cfbff0d1-9375-5685-968c-48ce8b15ae17"`},
		// Networks.
		{`cidrsubnet("10.0.0.0/16", 8, 2)`, `"10.0.2.0/24"`},
		{`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, `"fd00:fd12:3456:7800:a200::/72"`},
		{`cidrhost("10.12.112.0/20", 16)`, `"10.12.112.16"`},
		{`cidrhost("10.12.112.0/20", -2)`, `"10.12.127.254"`},
		{`cidrnetmask("172.16.0.0/12")`, `"255.240.0.0"`},
		{`cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, `["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]`},
		// Dates.
		{`formatdate("YYYY-MM-DD", "2024-02-03T04:05:06Z")`, `"2024-02-03"`},
		{`timeadd("2024-01-01T00:00:00Z", "1h")`, `"2024-01-01T01:00:00Z"`},
		{`timecmp("2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z")`, `1`},
		// Files, relative to the root module.
		{`file("hello.txt")`, `"hello\n"`},
		{`file("missing.txt")`, `(unknown)`},
		{`file("../../etc/passwd")`, `(unknown)`},
		{`fileexists("hello.txt")`, `true`},
		{`fileset("t", "**/*.tpl")`, `["a.tpl", "sub/b.tpl"]`},
		{`fileset("t", "*")`, `["a.tpl"]`},
		{`templatefile("t/a.tpl", { name = "you", xs = [1, 2] })`, `"Hi you! 1 2"`},
		{`templatestring("v=$${v}", { v = 1 })`, `"v=1"`},
		{`filesha256("hello.txt")`, `"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"`},
		{`basename("a/b.txt")`, `"b.txt"`},
		{`dirname("a/b.txt")`, `"a"`},
		{`abspath("a/../b")`, `"b"`},
		// Unknown and marked arguments.
		{`upper(unknown)`, `(unknown)`},
		{`length(unknown)`, `(unknown)`},
		{`format("%s", unknown)`, `(unknown)`},
		{`jsonencode({a = unknown})`, `(unknown)`},
		{`cidrsubnet(unknown, 8, 1)`, `(unknown)`},
		{`merge({a = unknown}, {b = 1})`, `{a = (unknown), b = 1}`},
		{`try(unknown, "x")`, `(unknown)`},
		{`can(list[5])`, `false`},
		{`upper(marked)`, `"ARN:AWS:S3:::B" <- aws_s3_bucket.b.arn`},
		{`jsonencode({r = marked})`, `"{\"r\":\"arn:aws:s3:::b\"}" <- aws_s3_bucket.b.arn`},
		{`templatestring("$${m}", { m = marked })`, `"arn:aws:s3:::b" <- aws_s3_bucket.b.arn`},
		// Apply-time, sensitive and unknown functions.
		{`timestamp()`, `(unknown)`},
		{`uuid()`, `(unknown)`},
		{`bcrypt("x")`, `(unknown)`},
		{`sensitive("x")`, `"x"`},
		{`nonsensitive(marked)`, `"arn:aws:s3:::b" <- aws_s3_bucket.b.arn`},
		{`provider::aws::arn_parse(marked)`, `(unknown) <- aws_s3_bucket.b.arn`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tt.expr), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("parse: %s", diags)
			}
			v, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: fns})
			if diags.HasErrors() {
				t.Fatalf("evaluate: %s", diags)
			}
			got := renderValue(v)
			var refs []string
			for _, r := range tfres.RefsOf(v) {
				refs = append(refs, r.Address+"."+r.Attr)
			}
			if len(refs) > 0 {
				got += " <- " + refs[0]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.expr, diff)
			}
		})
	}
}

// TestFunctionErrors checks that bad arguments are errors, not panics.
func TestFunctionErrors(t *testing.T) {
	l := &loader{fsys: fstest.MapFS{}, root: ".", an: newAnalysis(), pure: pureFunctions(), modules: map[string]*moduleEntry{}, files: map[string]bool{}}
	fns := l.functions(".")
	for _, src := range []string{
		`cidrsubnet("10.0.0.0/30", 8, 1)`,
		`cidrsubnet("10.0.0.0/16", 8, 256)`,
		`cidrhost("10.0.0.0/30", 4)`,
		`cidrnetmask("::/64")`,
		`cidrsubnets("10.0.0.0/24", 1, 1, 1)`,
		`cidrsubnet("nonsense", 1, 1)`,
		`index(["a"], "b")`,
		`one(["a", "b"])`,
		`sum([])`,
		`base64decode("%%%")`,
		`yamldecode("a: [")`,
		`textencodebase64("x", "no-such-encoding")`,
		`uuidv5("nope", "x")`,
		`timecmp("x", "y")`,
		`templatestring("$${nope}", {})`,
		`transpose({a = [null]})`,
		`matchkeys(["a"], [], [])`,
		`lookup("a", "b", null)`,
		`lookup(tomap({a = "x"}), "b", ["y"])`,
	} {
		t.Run(src, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("parse: %s", diags)
			}
			if _, diags := expr.Value(&hcl.EvalContext{Functions: fns}); !diags.HasErrors() {
				t.Errorf("%s: want an error", src)
			}
		})
	}
}
