variable "encrypted" {
  type = bool
}

variable "snapshot" {
  type = string
}

resource "aws_neptune_cluster" "var" {
  cluster_identifier = "graph-var"
  storage_encrypted  = var.encrypted
}

# Restored from a snapshot: the storage inherits the snapshot's encryption.
resource "aws_neptune_cluster" "restored" {
  cluster_identifier  = "graph-restored"
  snapshot_identifier = var.snapshot
}
