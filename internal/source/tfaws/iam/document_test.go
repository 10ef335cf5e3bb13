package iam_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
)

// stmt summarizes a statement: what it says and where it is written.
type stmt struct {
	Sid      string
	Effect   string
	Action   string
	Resource string
	Line     int
	Partial  bool
}

func TestDocumentFromDataSource(t *testing.T) {
	const src = `
resource "aws_s3_bucket" "b" {
  bucket = "example"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example/*"]
  }
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::example"]
  }
}

data "aws_iam_policy_document" "main" {
  source_policy_documents = [
    data.aws_iam_policy_document.base.json,
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Tag", Effect = "Allow", Action = "s3:GetObjectTagging", Resource = "*" }] }),
  ]
  override_policy_documents = [
    jsonencode({ Version = "2012-10-17", Statement = { Sid = "List", Effect = "Deny", Action = "s3:ListBucket", Resource = "*" } }),
  ]
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.b.arn}/&{aws:username}/*"]
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.main.json
}
`
	set := load(t, src)
	doc := iamadapt.Document(set, set.Get("aws_s3_bucket_policy.b").Body, "policy")
	if !doc.Known() {
		t.Fatalf("document unknown: %+v", doc)
	}
	var got []stmt
	for _, s := range doc.Statements {
		got = append(got, stmt{
			Sid: s.Sid, Effect: s.Effect,
			Action: strings.Join(s.Action, ","), Resource: strings.Join(s.Resource, ","),
			Line: s.Origin.Range.StartLine, Partial: s.Partial,
		})
	}
	want := []stmt{
		// The own statement replaces the source's statement of the same Sid.
		// The bucket's ARN follows from its name.
		{Sid: "Read", Effect: "Allow", Action: "s3:GetObject,s3:GetObjectVersion", Resource: "arn:aws:s3:::example/${aws:username}/*", Line: 27},
		// The override replaces it in place.
		{Sid: "List", Effect: "Deny", Action: "s3:ListBucket", Resource: "*", Line: 24},
		{Sid: "Tag", Effect: "Allow", Action: "s3:GetObjectTagging", Resource: "*", Line: 20},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statements (-want +got):\n%s", diff)
	}
}

func TestDocumentAbsentAndUnknown(t *testing.T) {
	const src = `
variable "policy" {
  type = string
}

resource "aws_s3_bucket" "none" {
  bucket = "none"
}

resource "aws_s3_bucket" "unknown" {
  bucket = "unknown"
  policy = var.policy
}
`
	set := load(t, src)
	none := iamadapt.Document(set, set.Get("aws_s3_bucket.none").Body, "policy")
	if !none.Known() || len(none.Statements) != 0 || !none.Raw.Defaulted() {
		t.Errorf("absent policy = %+v, want known, empty and defaulted", none)
	}
	unknown := iamadapt.Document(set, set.Get("aws_s3_bucket.unknown").Body, "policy")
	if unknown.Known() {
		t.Errorf("policy from an unset variable = %+v, want unknown", unknown)
	}
}

// TestDocumentReferencedARNs checks that ARNs read from IAM identities and
// buckets of the configuration keep what is known of them: the name and
// path, with only the account left for apply time; a value computed from an
// ARN is not that ARN.
func TestDocumentReferencedARNs(t *testing.T) {
	const src = `
resource "aws_iam_user" "alice" {
  name = "alice"
  path = "/team/"
}

resource "aws_s3_bucket" "b" {
  bucket = "example"
}

resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = [aws_iam_user.alice.arn, lower(aws_iam_user.alice.arn)] } }]
  })
}

data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*", aws_s3_bucket.b.arn]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_user.alice.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}
`
	set := load(t, src)
	trust := iamadapt.Document(set, set.Get("aws_iam_role.r").Body, "assume_role_policy")
	if got := trust.Statements[0].Principal.AWS; !slices.Equal(got, []string{"arn:aws:iam::${this-account}:user/team/alice", "${unknown}"}) {
		t.Errorf("trust principals = %q", got)
	}
	bucket := iamadapt.Document(set, set.Get("aws_s3_bucket_policy.b").Body, "policy")
	st := bucket.Statements[0]
	if !slices.Equal(st.Resource, []string{"arn:aws:s3:::example/*", "arn:aws:s3:::example"}) || !slices.Equal(st.Principal.AWS, []string{"arn:aws:iam::${this-account}:user/team/alice"}) {
		t.Errorf("bucket policy statement = %+v", st)
	}
}
