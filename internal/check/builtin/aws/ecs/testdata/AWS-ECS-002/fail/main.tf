resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{ # want: AWS-ECS-002, AWS-ECS-002
    name  = "api"
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.1"
    environment = [
      { name = "DB_HOST", value = "db.internal" },
      { name = "DB_PASSWORD", value = "Tr0ub4dor&3x-prod" },
      { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKQ" },
    ]
  }])
}
