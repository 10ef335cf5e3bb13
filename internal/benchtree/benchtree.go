package benchtree

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Spec sizes a tree.
type Spec struct {
	Seed uint64
	// Roots is the number of root modules (environments).
	Roots int
	// FilesPerRoot is the number of resource files in each root.
	FilesPerRoot int
	// Modules is the number of shared local modules the roots call.
	Modules int
	// ResourcesPerFile is how many resources each file declares.
	ResourcesPerFile int
}

// Write generates the tree under dir and returns the number of .tf files.
func Write(dir string, s Spec) (int, error) {
	g := &gen{r: rand.New(rand.NewPCG(s.Seed, s.Seed^0x9e3779b97f4a7c15)), dir: dir}
	for m := range s.Modules {
		if err := g.module(m); err != nil {
			return g.files, err
		}
	}
	for r := range s.Roots {
		if err := g.root(r, s); err != nil {
			return g.files, err
		}
	}
	return g.files, nil
}

type gen struct {
	r     *rand.Rand
	dir   string
	files int
}

func (g *gen) write(rel, content string) error {
	p := filepath.Join(g.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	if strings.HasSuffix(rel, ".tf") {
		g.files++
	}
	return nil
}

func (g *gen) bool() string {
	if g.r.IntN(2) == 0 {
		return "true"
	}
	return "false"
}

func (g *gen) module(m int) error {
	dir := fmt.Sprintf("modules/m%03d", m)
	vars := `variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  prefix = "${var.environment}-${var.name}"
  tags   = merge(var.tags, { module = "m` + fmt.Sprint(m) + `" })
}
`
	main := fmt.Sprintf(`resource "aws_s3_bucket" "this" {
  bucket = "${local.prefix}-data"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.encrypted ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypted ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = %s
  block_public_policy     = true
  ignore_public_acls      = %s
  restrict_public_buckets = true
}

resource "aws_security_group" "this" {
  name        = "${local.prefix}-sg"
  description = "Service ${var.name}"

  dynamic "ingress" {
    for_each = toset([443, %d])
    content {
      description = "port ${ingress.value}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.cidrs
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${local.prefix}-role"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "access" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
  }
}

resource "aws_iam_role_policy" "this" {
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.access.json
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}

output "security_group_id" {
  value = aws_security_group.this.id
}
`, g.bool(), g.bool(), []int{22, 80, 3306, 8080}[g.r.IntN(4)])
	if err := g.write(dir+"/variables.tf", vars); err != nil {
		return err
	}
	return g.write(dir+"/main.tf", main)
}

func (g *gen) root(r int, s Spec) error {
	dir := fmt.Sprintf("envs/e%03d", r)
	var b strings.Builder
	fmt.Fprintf(&b, `variable "environment" {
  type    = string
  default = "env%d"
}

variable "services" {
  type = map(object({ encrypted = bool }))
  default = {
`, r)
	for i := range 3 + g.r.IntN(3) {
		fmt.Fprintf(&b, "    svc%d = { encrypted = %s }\n", i, g.bool())
	}
	b.WriteString("  }\n}\n\nlocals {\n  tags = { environment = var.environment, cost_center = \"cc-" + fmt.Sprint(r) + "\" }\n}\n")
	if s.Modules > 0 {
		for i := range 2 {
			fmt.Fprintf(&b, `
module "svc%d" {
  source      = "../../modules/m%03d"
  for_each    = var.services
  name        = "${each.key}-%d"
  environment = var.environment
  encrypted   = each.value.encrypted
  tags        = local.tags
}
`, i, g.r.IntN(s.Modules), i)
		}
	}
	if err := g.write(dir+"/main.tf", b.String()); err != nil {
		return err
	}
	for f := range s.FilesPerRoot {
		var fb strings.Builder
		for k := range s.ResourcesPerFile {
			g.resource(&fb, fmt.Sprintf("f%d_r%d", f, k))
		}
		if err := g.write(fmt.Sprintf("%s/res_%03d.tf", dir, f), fb.String()); err != nil {
			return err
		}
	}
	return nil
}

// resource writes one resource (with its companions) of a random kind.
func (g *gen) resource(b *strings.Builder, name string) {
	switch g.r.IntN(8) {
	case 0:
		fmt.Fprintf(b, `resource "aws_instance" "%[1]s" {
  count         = %[2]d
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "%[3]s"
  }
  root_block_device {
    encrypted = %[4]s
  }
  tags = merge(local.tags, { Name = "%[1]s-${count.index}" })
}

`, name, 1+g.r.IntN(3), []string{"required", "optional"}[g.r.IntN(2)], g.bool())
	case 1:
		fmt.Fprintf(b, `resource "aws_db_instance" "%[1]s" {
  identifier          = "${var.environment}-%[1]s"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  storage_encrypted   = %[2]s
  publicly_accessible = %[3]s
  backup_retention_period = %[4]d
  skip_final_snapshot = true
}

`, strings.ReplaceAll(name, "_", "-"), g.bool(), g.bool(), g.r.IntN(14))
	case 2:
		fmt.Fprintf(b, `resource "aws_security_group" "%[1]s" {
  name = "%[1]s"
  description = "generated"
}

resource "aws_security_group_rule" "%[1]s" {
  type              = "ingress"
  security_group_id = aws_security_group.%[1]s.id
  from_port         = %[2]d
  to_port           = %[2]d
  protocol          = "tcp"
  cidr_blocks       = ["%[3]s"]
  description       = "rule"
}

`, name, []int{22, 443, 3389, 5432}[g.r.IntN(4)], []string{"0.0.0.0/0", "10.0.0.0/16"}[g.r.IntN(2)])
	case 3:
		fmt.Fprintf(b, `resource "aws_kms_key" "%[1]s" {
  description         = "key %[1]s"
  enable_key_rotation = %[2]s
}

`, name, g.bool())
	case 4:
		fmt.Fprintf(b, `resource "aws_sqs_queue" "%[1]s" {
  name                    = "${var.environment}-%[1]s"
  sqs_managed_sse_enabled = %[2]s
}

resource "aws_sns_topic" "%[1]s" {
  name = "${var.environment}-%[1]s"
}

`, name, g.bool())
	case 5:
		fmt.Fprintf(b, `resource "aws_cloudwatch_log_group" "%[1]s" {
  name              = "/app/${var.environment}/%[1]s"
  retention_in_days = %[2]d
}

`, name, []int{0, 7, 30, 365}[g.r.IntN(4)])
	case 6:
		fmt.Fprintf(b, `resource "aws_dynamodb_table" "%[1]s" {
  name         = "${var.environment}-%[1]s"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = %[2]s
  }
}

`, name, g.bool())
	default:
		fmt.Fprintf(b, `resource "aws_s3_bucket" "%[1]s" {
  for_each = toset(["a", "b"])
  bucket   = "${var.environment}-%[2]s-${each.key}"
}

resource "aws_s3_bucket_versioning" "%[1]s" {
  for_each = aws_s3_bucket.%[1]s
  bucket   = each.value.id
  versioning_configuration {
    status = "%[3]s"
  }
}

`, name, strings.ReplaceAll(name, "_", "-"), []string{"Enabled", "Suspended"}[g.r.IntN(2)])
	}
}
