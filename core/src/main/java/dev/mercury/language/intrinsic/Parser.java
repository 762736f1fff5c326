package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.mercury.language.intrinsic.Argument.Call;
import dev.mercury.language.intrinsic.Argument.Literal;
import dev.mercury.language.intrinsic.Argument.PathArgument;
import dev.mercury.language.intrinsic.Argument.StringLiteral;
import dev.mercury.language.intrinsic.Token.Kind;
import dev.mercury.language.json.Json;
import dev.mercury.language.path.JsonPath;
import dev.mercury.language.text.Spelling;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a call by recursive descent. The grammar:
 *
 * <pre>
 * call     = FUNCTION_NAME "(" [ argument { "," argument } ] ")"
 * argument = call | STRING | NUMBER | PATH | "true" | "false" | "null"
 * </pre>
 */
final class Parser {
  private final Lexer lexer;

  private Parser(String text) {
    this.lexer = new Lexer(text);
  }

  static Call parse(String text) {
    Parser parser = new Parser(text);
    Token first = parser.lexer.next();
    if (first.kind() != Kind.FUNCTION_NAME) {
      throw ParseFailure.at("an intrinsic function call must start with States.", first.offset());
    }
    Call call = parser.call(first);
    Token rest = parser.lexer.next();
    if (rest.kind() != Kind.END) {
      throw ParseFailure.at("unexpected '" + rest.text() + "' after the call", rest.offset());
    }
    return call;
  }

  private Call call(Token name) {
    Builtin builtin =
        Builtins.find(name.text())
            .orElseThrow(
                () ->
                    ParseFailure.at(
                        "'"
                            + name.text()
                            + "' is not an intrinsic function"
                            + Spelling.suggestion(name.text(), Builtins.names()),
                        name.offset()));
    expect(Kind.OPEN, "'(' after " + name.text());

    List<Argument> arguments = arguments();
    if (!builtin.arity().allows(arguments.size())) {
      String problem =
          builtin.name()
              + " takes "
              + builtin.arity().describe()
              + " but was given "
              + arguments.size();
      throw ParseFailure.at(problem, name.offset());
    }
    return new Call(builtin, arguments, name.offset());
  }

  private List<Argument> arguments() {
    List<Argument> arguments = new ArrayList<>();
    if (lexer.peek().kind() == Kind.CLOSE) {
      lexer.next();
      return arguments;
    }
    while (true) {
      arguments.add(argument(lexer.next()));
      Token separator = lexer.next();
      if (separator.kind() == Kind.CLOSE) {
        return arguments;
      }
      if (separator.kind() != Kind.COMMA) {
        throw ParseFailure.at("expected ',' or ')'", separator.offset());
      }
    }
  }

  private Argument argument(Token token) {
    return switch (token.kind()) {
      case FUNCTION_NAME -> call(token);
      case STRING -> new StringLiteral(token.value(), token.rawString());
      case NUMBER -> number(token);
      case PATH -> path(token);
      case TRUE -> new Literal(BooleanNode.TRUE);
      case FALSE -> new Literal(BooleanNode.FALSE);
      case NULL -> new Literal(Json.NODES.nullNode());
      default -> throw ParseFailure.at("expected an argument", token.offset());
    };
  }

  /** Numbers are read by the JSON parser, so a literal 1.0 and an input 1.0 behave alike. */
  private static Argument number(Token token) {
    try {
      return new Literal(Json.parse(token.text()));
    } catch (JsonProcessingException e) {
      throw ParseFailure.at("malformed number '" + token.text() + "'", token.offset(), e);
    }
  }

  private static Argument path(Token token) {
    try {
      return new PathArgument(JsonPath.parse(token.text()));
    } catch (IllegalArgumentException e) {
      String problem = "invalid path '" + token.text() + "' (" + e.getMessage() + ")";
      throw ParseFailure.at(problem, token.offset(), e);
    }
  }

  private void expect(Kind kind, String what) {
    Token token = lexer.next();
    if (token.kind() != kind) {
      throw ParseFailure.at("expected " + what, token.offset());
    }
  }
}
