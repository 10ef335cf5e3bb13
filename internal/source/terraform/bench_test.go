package terraform

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// generateTree builds a repository of root modules that each call a shared
// local module, with count, for_each, locals, variables, dynamic blocks and
// cross-resource references in every file. The seed fixes the content.
func generateTree(seed uint64, roots, filesPerRoot int) fstest.MapFS {
	rng := rand.New(rand.NewPCG(seed, seed))
	fsys := fstest.MapFS{}
	fsys["modules/bucket/main.tf"] = &fstest.MapFile{Data: []byte(`
variable "name" { type = string }
variable "tags" {
  type    = map(string)
  default = {}
}
variable "rules" {
  type = list(object({ id = string, days = optional(number, 30) }))
  default = [{ id = "expire" }]
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = merge(var.tags, { Module = "bucket" })
}
resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  dynamic "rule" {
    for_each = var.rules
    content {
      id     = rule.value.id
      status = "Enabled"
      expiration { days = rule.value.days }
    }
  }
}
output "id"  { value = aws_s3_bucket.this.id }
output "arn" { value = aws_s3_bucket.this.arn }
`)}
	for r := range roots {
		dir := fmt.Sprintf("envs/env%03d", r)
		fsys[dir+"/variables.tf"] = &fstest.MapFile{Data: []byte(`
variable "env" { default = "prod" }
variable "region" { type = string }
variable "count_n" { default = 3 }
`)}
		for f := 1; f < filesPerRoot; f++ {
			var b strings.Builder
			n := 1 + rng.IntN(4)
			fmt.Fprintf(&b, "locals {\n  prefix%d = \"${var.env}-%d\"\n  names%d = [for i in range(%d) : \"${local.prefix%d}-${i}\"]\n}\n", f, f, f, n, f)
			fmt.Fprintf(&b, `
resource "aws_s3_bucket" "b%[1]d" {
  count  = var.count_n
  bucket = "${local.prefix%[1]d}-${count.index}"
  tags   = { Env = var.env, Index = tostring(count.index) }
}
resource "aws_s3_bucket_versioning" "v%[1]d" {
  count  = length(aws_s3_bucket.b%[1]d)
  bucket = aws_s3_bucket.b%[1]d[count.index].id
  versioning_configuration { status = count.index %% 2 == 0 ? "Enabled" : "Suspended" }
}
resource "aws_security_group" "sg%[1]d" {
  for_each = toset(local.names%[1]d)
  name     = each.key
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = [cidrsubnet("10.0.0.0/16", 8, ingress.key)]
    }
  }
}
data "aws_iam_policy_document" "p%[1]d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${local.prefix%[1]d}/*"]
  }
}
module "m%[1]d" {
  source = "../../modules/bucket"
  name   = "${local.prefix%[1]d}-mod"
  tags   = { Env = var.env }
}
resource "aws_s3_bucket_policy" "p%[1]d" {
  bucket = module.m%[1]d.id
  policy = data.aws_iam_policy_document.p%[1]d.json
}
`, f)
			fsys[fmt.Sprintf("%s/file%02d.tf", dir, f)] = &fstest.MapFile{Data: []byte(b.String())}
		}
	}
	return fsys
}

// BenchmarkLoad loads generated trees. The small size shows fixed costs;
// the large one (2,000 files) is a big monorepo and shows how evaluation
// scales.
func BenchmarkLoad(b *testing.B) {
	for _, size := range []struct{ roots, files int }{{10, 10}, {200, 10}} {
		fsys := generateTree(1, size.roots, size.files)
		b.Run(fmt.Sprintf("files=%d", size.roots*size.files), func(b *testing.B) {
			b.ReportAllocs()
			resources, files := 0, 0
			for b.Loop() {
				res, err := Load(context.Background(), fsys, ".", Options{Vars: map[string]string{"region": "eu-west-1"}})
				if err != nil {
					b.Fatal(err)
				}
				if res.Diagnostics.HasErrors() {
					b.Fatal(res.Diagnostics)
				}
				resources += len(res.Resources)
				files += len(res.Files)
			}
			b.ReportMetric(float64(resources)/b.Elapsed().Seconds(), "resources/s")
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
