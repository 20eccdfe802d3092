# lit configuration for initcheck. Tests run real clang-19 with the real
# plugin; tools come from /usr/lib/llvm-19/bin (the plain `clang` on Debian
# bookworm is 14, which cannot load a plugin built for 19).
import os
import lit.formats

config.name = "initcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.initcheck_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Diagnostics in a stable form: no colours, no terminal width guesses.
config.environment["TERM"] = "dumb"

bin_dir = config.llvm_tools_dir
plugin = os.path.join(config.initcheck_obj_root, "lib", "initcheck.so")
inputs = os.path.join(config.test_source_root, "Inputs")
cc1 = "%s -cc1 -internal-isystem %s/include -nostdsysteminc" % (
    os.path.join(bin_dir, "clang"), config.clang_resource_dir)

config.substitutions += [
    ("%clang_cc1", cc1),
    ("%clangxx", os.path.join(bin_dir, "clang++")),
    ("%clang", os.path.join(bin_dir, "clang")),
    ("%initcheck_plugin", plugin),
    # The plugin under -cc1, as the driver's -fplugin= loads it.
    ("%initcheck_cc1", "%s -load %s" % (cc1, plugin)),
    ("%inputs", inputs),
    ("%python", config.python_executable),
]
# Last: "%initcheck" is a prefix of the substitutions above.
config.substitutions.append(
    ("%initcheck", os.path.join(config.initcheck_obj_root, "bin", "initcheck")))

# The clang-tidy module is built: test/precommit runs the initcheck-tidy hook.
if os.path.exists(os.path.join(config.initcheck_obj_root, "lib", "initcheck-tidy.so")):
    config.available_features.add("tidy")
# build/bin: the tool and the pre-commit entry points.
config.substitutions.insert(0, ("%{bin_dir}", os.path.join(config.initcheck_obj_root, "bin")))
