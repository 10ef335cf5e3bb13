variable "features" {
  type = map(string)
}

resource "aws_guardduty_detector" "main" {}

resource "aws_guardduty_detector_feature" "each" {
  for_each    = var.features
  detector_id = aws_guardduty_detector.main.id
  name        = each.key
  status      = each.value
}
