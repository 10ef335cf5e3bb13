resource "aws_kms_key" "neptune" {
  description         = "Neptune storage"
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.neptune.arn
}

resource "aws_neptune_cluster" "literal" {
  cluster_identifier = "graph-literal"
  storage_encrypted  = true
  kms_key_arn        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Unencrypted storage is AWS-NEPTUNE-001's finding.
resource "aws_neptune_cluster" "plain" {
  cluster_identifier = "graph-plain"
}
