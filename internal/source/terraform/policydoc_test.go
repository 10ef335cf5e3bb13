package terraform

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestPolicyDocument compares aws_iam_policy_document's json with the text
// the AWS provider renders for the same configuration.
func TestPolicyDocument(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "bucket policy",
			src: `
data "aws_iam_policy_document" "doc" {
  statement {
    sid     = "DenyInsecure"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      "arn:aws:s3:::bucket",
      "arn:aws:s3:::bucket/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyInsecure",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::bucket/*",
        "arn:aws:s3:::bucket"
      ],
      "Principal": "*",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "false"
        }
      }
    }
  ]
}`,
		},
		{
			name: "aws principal star and several actions",
			src: `
data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:*:*:a", "arn:aws:sns:*:*:b"]
    }
  }
}`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "sqs:SendMessage",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage"
      ],
      "Resource": "*",
      "Principal": {
        "AWS": "*"
      },
      "Condition": {
        "ArnLike": {
          "aws:SourceArn": [
            "arn:aws:sns:*:*:a",
            "arn:aws:sns:*:*:b"
          ]
        }
      }
    }
  ]
}`,
		},
		{
			name: "no statements",
			src:  `data "aws_iam_policy_document" "doc" {}`,
			want: `{
  "Version": "2012-10-17"
}`,
		},
		{
			name: "override by sid and legacy override_json",
			src: `
data "aws_iam_policy_document" "doc" {
  override_json = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Sid = "A", Effect = "Deny", Action = ["a:*"], Resource = "*", Principal = { AWS = ["x", "y"] } }]
  })
  statement {
    sid       = "A"
    actions   = ["a:Get"]
    resources = ["*"]
  }
  statement {
    sid       = "B"
    actions   = ["b:Get"]
    resources = ["*"]
  }
}`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "A",
      "Effect": "Deny",
      "Action": [
        "a:*"
      ],
      "Resource": "*",
      "Principal": {
        "AWS": [
          "y",
          "x"
        ]
      }
    },
    {
      "Sid": "B",
      "Effect": "Allow",
      "Action": "b:Get",
      "Resource": "*"
    }
  ]
}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src + "\nresource \"test\" \"out\" {\n  json = data.aws_iam_policy_document.doc.json\n}\n"
			res, err := Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Diagnostics) > 0 {
				t.Fatalf("diagnostics: %v", res.Diagnostics)
			}
			var got string
			for _, r := range res.Resources {
				if r.Address == "test.out" {
					v, _ := r.Body.Value("json").Unmark()
					got = v.AsString()
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("json (-want +got):\n%s", diff)
			}
		})
	}
}
