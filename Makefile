# The two commands a newcomer needs: `make run` and `make test`. Both install what they need.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: deps build run test bench format clean

deps:
	scripts/install-deps

build: deps
	scripts/build $(BUILD)

run: build
	scripts/run-demo

test:
	scripts/test

bench: deps
	scripts/bench

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build build-asan build-fuzz
