// The waymark binary: one program, subcommands for serving, migrating, keys, users and audit.
#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"Waymark: secure case records for the support of survivors of modern slavery"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
