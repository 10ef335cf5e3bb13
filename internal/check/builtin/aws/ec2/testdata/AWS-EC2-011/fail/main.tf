locals {
  bootstrap = <<-EOT
    #!/bin/bash
    cat > /home/ec2-user/.ssh/id_rsa <<'KEY'
    -----BEGIN RSA PRIVATE KEY-----
    MIIEowIBAAKCAQEAtest0nlyNotARealKeyButLooksLikeOne0000000000000000
    -----END RSA PRIVATE KEY-----
    KEY
  EOT
}

resource "aws_launch_template" "app" {
  name      = "app"
  image_id  = "ami-0abcdef1234567890"
  user_data = base64encode(local.bootstrap) # want: AWS-EC2-011
}
