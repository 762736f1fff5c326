package dev.mercury.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on small modules written here, each mistake on a known line. */
class ModuleChecksTest {
  private static final String PROVIDERS =
      """
      terraform {
        required_providers {
          aws = { source = "hashicorp/aws" }
        }
      }
      """;

  private static final String CHILD_VARIABLES =
      """
      variable "required" {
        type = string
      }

      variable "optional" {
        type    = string
        default = null
      }
      """;

  private static final String CHILD_OUTPUTS =
      """
      output "out" {
        value = [var.required, var.optional]
      }
      """;

  private static Hcl2Json hcl;

  @TempDir Path root;

  @BeforeAll
  static void installParser() throws Exception {
    if (Hcl2Json.nodeAvailable()) {
      hcl = new Hcl2Json(Path.of("tools").toAbsolutePath());
      hcl.install();
    }
  }

  @BeforeEach
  void needsNode() {
    assumeTrue(hcl != null, "node and npm are not on PATH, so no Terraform can be parsed");
  }

  @Test
  void problems_correctModules_none() throws Exception {
    writeChild();
    write(
        "main.tf",
        PROVIDERS
            + """
            variable "names" {
              type = list(string)
            }

            locals {
              upper = [for name in var.names : upper(name)]
            }

            module "child" {
              source   = "./child"
              required = local.upper[0]
              count    = 1
            }

            resource "aws_iam_role" "this" {
              name = "${module.child[0].out[0]}-${length(local.upper)}"
            }

            data "aws_region" "current" {}

            output "both" {
              value = [for r in [aws_iam_role.this] : "${r.arn}@${data.aws_region.current.region}"]
            }
            """);

    assertThat(problems()).isEmpty();
  }

  @Test
  void problems_undeclaredReferences_eachNamedWithFileAndLine() throws Exception {
    writeChild();
    write(
        "main.tf",
        PROVIDERS
            + """
            module "child" {
              source   = "./child"
              required = "x"
            }

            output "refs" {
              value = [
                var.undeclared,
                local.missing,
                module.child.nothing,
                module.other.out,
                aws_lambda_function.missing.arn,
                data.aws_region.missing.region,
                [for s in ["a"] : upper("${s}${local.inside_for}")],
              ]
            }
            """);

    assertThat(problems())
        .containsExactlyInAnyOrder(
            "main.tf:13: var.undeclared (in output.refs.value): no variable undeclared in this module",
            "main.tf:14: local.missing (in output.refs.value): no local value missing in this module",
            "main.tf:15: module.child.nothing (in output.refs.value): module child (child) has no"
                + " output nothing in its outputs.tf",
            "main.tf:16: module.other.out (in output.refs.value): no module block other in this module",
            "main.tf:17: aws_lambda_function.missing.arn (in output.refs.value): no resource"
                + " aws_lambda_function.missing in this module",
            "main.tf:18: data.aws_region.missing.region (in output.refs.value): no data source"
                + " aws_region.missing in this module",
            "main.tf:19: local.inside_for (in output.refs.value): no local value inside_for in this"
                + " module");
  }

  @Test
  void problems_moduleCallWithoutRequiredOrWithUnknownVariable_named() throws Exception {
    writeChild();
    write(
        "main.tf",
        """
        module "child" {
          source   = "./child"
          optional = "x"
          surplus  = 1
        }

        module "elsewhere" {
          source = "./nowhere"
        }
        """);

    assertThat(problems())
        .containsExactlyInAnyOrder(
            "main.tf:4: module child passes surplus, which ./child does not declare",
            "main.tf:1: module child does not pass required, which ./child requires (it has no"
                + " default)",
            "main.tf:7: module elsewhere: source ./nowhere holds no .tf files");
  }

  @Test
  void problems_unusedVariableAndBrokenSyntax_named() throws Exception {
    write(
        "variables.tf",
        """
        variable "read" {
          type = string
        }

        variable "forgotten" {
          type = string
        }
        """);
    write("outputs.tf", "output \"o\" {\n  value = var.read\n}\n");
    write("broken.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \n");

    List<String> problems = problems();

    assertThat(problems)
        .contains("variables.tf:5: variable forgotten is declared but nothing reads it");
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("broken.tf: does not parse: "));
    assertThat(problems).hasSize(2);
  }

  @Test
  void problems_declaredTwiceWithoutRequiredProviders_stillChecked() throws Exception {
    write(
        "a.tf",
        "variable \"x\" {}\nresource \"aws_iam_role\" \"r\" {\n  name = aws_iam_user.u.name\n}\n");
    write("b.tf", "\nresource \"aws_iam_role\" \"r\" {\n  name = \"y\"\n}\n");

    assertThat(problems())
        .containsExactlyInAnyOrder(
            "b.tf:2: resource aws_iam_role.r is declared twice (also in a.tf)",
            "a.tf:3: aws_iam_user.u.name (in resource.aws_iam_role.r.name): no resource"
                + " aws_iam_user.u in this module",
            "a.tf:1: variable x is declared but nothing reads it");
  }

  /** A module in child/ with one required variable, one optional, and the output "out". */
  private void writeChild() throws Exception {
    write("child/variables.tf", CHILD_VARIABLES);
    write("child/outputs.tf", CHILD_OUTPUTS);
  }

  private void write(String name, String text) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** The problems, with paths relative to the temporary root. */
  private List<String> problems() throws Exception {
    Map<Path, TerraformModule> modules = TerraformTree.read(hcl, root);
    Path base = root.toAbsolutePath().normalize();
    return new ModuleChecks(modules)
        .problems().stream()
            .map(p -> new Problem(base.relativize(p.file()), p.line(), p.message()).toString())
            .toList();
  }
}
